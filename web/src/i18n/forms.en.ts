import type { formsZh } from './forms.zh';

/** English labels of the record forms: tasks, custom field inputs, deal/contact editing. */
export const formsEn: Record<keyof typeof formsZh, string> = {
  'forms.newTask': 'New task',
  'forms.editTask': 'Edit task',
  'forms.taskTitle': 'Task',
  'forms.assignee': 'Assignee',
  'forms.assigneeSelf': 'Me',
  'forms.dueAt': 'Due at',
  'forms.customer': 'Customer',
  'forms.deal': 'Deal',
  'forms.taskCreated': 'Task created',
  'forms.editDeal': 'Edit deal',
  'forms.editCustomer': 'Edit customer',
  'forms.editContact': 'Edit contact',
  'forms.deleteContact': 'Delete contact "{name}"?',
  'forms.contactDeleted': 'Contact deleted',
  'forms.customFields': 'Custom fields',
  'forms.attachmentHint': 'Upload a file of kind "{kind}" under Attachments',
  'forms.pickUser': 'Pick a user',
  'forms.fixFields': 'Please check the fields marked in red',
  'forms.tasks': 'Tasks',
};
