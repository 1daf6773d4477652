/**
 * Generated from the OpenAPI document by `npm run gen:api` (server/api-types.ts). Do not edit by hand.
 */

export interface paths {
    "/api/activities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Activities in my scope, newest first; filters customerId, dealId, ownerId, type, from/to (occurredAt, to exclusive) */
        get: {
            parameters: {
                query?: {
                    customerId?: string;
                    dealId?: string;
                    /** @description count every match now instead of answering an estimate for large totals */
                    exactTotal?: "0" | "1" | "true" | "false";
                    from?: string;
                    ownerId?: string;
                    page?: number;
                    pageSize?: number;
                    tag?: string;
                    to?: string;
                    type?: "call" | "visit" | "wechat" | "email" | "demo" | "materials" | "other";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Activity"][];
                            total: number;
                            totalIsEstimate: boolean;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        /** Log an activity (quick-log needs customerId, summary and optionally nextAction + nextActionAt, which creates a task) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Retry-safe create: the same key with the same body replays the first answer (Idempotent-Replayed: true); with another body → 422 IDEMPOTENCY_KEY_REUSED; still running → 409 IDEMPOTENCY_IN_PROGRESS. Per user, kept 24 h. */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        checklist?: {
                            [key: string]: boolean | {
                                done: boolean;
                                note?: string;
                            };
                        };
                        /** @default [] */
                        contactIds?: string[];
                        custom?: {
                            [key: string]: unknown;
                        };
                        customerId: string;
                        dealId?: string | null;
                        /** @enum {string} */
                        effect?: "delivered_info" | "probed_need" | "advanced_decision" | "none";
                        nextAction?: string | null;
                        /** Format: date-time */
                        nextActionAt?: string | null;
                        /** Format: date-time */
                        occurredAt?: string;
                        outcome?: string | null;
                        summary: string;
                        tags?: string[];
                        /**
                         * @default other
                         * @enum {string}
                         */
                        type?: "call" | "visit" | "wechat" | "email" | "demo" | "materials" | "other";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LoggedActivity"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/activities/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One activity */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Activity"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/activities/{id}/checklist": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The checklist answers given with an activity (null if none) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            checklist: {
                                activityId: string;
                                answers: {
                                    [key: string]: unknown;
                                };
                                complete: boolean;
                                type: string;
                            } | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/activities/parse": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Propose the fields of a quick-log from one sentence (customer, contact, type, summary, next action + due, deal); nothing is saved */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        text: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ParsedLog"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/activity-settings/effective-rule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Which effects make an activity effective (有效互动) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EffectRule"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        /** Set which effects count as effective (admin) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        counts: ("delivered_info" | "probed_need" | "advanced_decision")[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EffectRule"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/activity-tags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 动作标签 The action vocabulary activities may carry (all=true: also inactive ones) */
        get: {
            parameters: {
                query?: {
                    all?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ActivityTag"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/activity-tags/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Create or change an action tag (admin; deactivate instead of deleting) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        active?: boolean;
                        /** @enum {string} */
                        category?: "action" | "need";
                        label: string;
                        labelEn?: string | null;
                        sort?: number;
                        suggestion?: string | null;
                        suggestionEn?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ActivityTag"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/activity-types/{type}/checklist": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 动作锁 The checklist an activity type requires (mode off | require | count) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    type: "call" | "visit" | "wechat" | "email" | "demo" | "materials" | "other";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ActivityChecklist"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        /** Set the checklist of an activity type (admin) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    type: "call" | "visit" | "wechat" | "email" | "demo" | "materials" | "other";
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        items: {
                            hint?: string;
                            hintEn?: string;
                            key: string;
                            label: string;
                            labelEn?: string;
                        }[];
                        /** @enum {string} */
                        mode: "off" | "require" | "count";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ActivityChecklist"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/appointments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Appointments in my scope (consultant: own and handed to me; manager: store/region), filters status, store, consultant, date */
        get: {
            parameters: {
                query?: {
                    consultant?: string;
                    date?: string;
                    page?: number;
                    pageSize?: number;
                    status?: "booked" | "arrived" | "no_show" | "cancelled";
                    store?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Appointment"][];
                            total: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        /** Register a store appointment with phone + time (store and consultant = me); finds or creates the customer by normalised phone and queues the confirmation SMS */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date-time */
                        at: string;
                        /** @default 60 */
                        durationMinutes?: number;
                        name?: string;
                        note?: string;
                        phone: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CreatedAppointment"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/appointments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One appointment */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Appointment"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/appointments/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a booked appointment */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Appointment"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/appointments/{id}/check-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check the customer in (one tap by the store); after a no-show it records a late arrival */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Retry-safe create: the same key with the same body replays the first answer (Idempotent-Replayed: true); with another body → 422 IDEMPOTENCY_KEY_REUSED; still running → 409 IDEMPOTENCY_IN_PROGRESS. Per user, kept 24 h. */
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Appointment"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/appointments/{id}/reassign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Hand a no-show’s follow-up call to another consultant: creates a task due in 2 hours (or dueAt), audited */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date-time */
                        dueAt?: string;
                        to: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            at: string;
                            cancelledAt: string | null;
                            checkedInAt: string | null;
                            checkedInBy: string | null;
                            consultant: components["schemas"]["UserRef"];
                            createdAt: string;
                            createdBy: string | null;
                            customer: {
                                id: string;
                                name: string;
                            };
                            durationMinutes: number;
                            /** @description Who calls the no-show back, once handed over */
                            followUp: {
                                dueAt: string | null;
                                name: string;
                                reassignedAt: string | null;
                                reassignedBy: string | null;
                                taskId: string | null;
                                taskStatus: string | null;
                                userId: string;
                            } | null;
                            id: string;
                            late: boolean;
                            noShowAt: string | null;
                            noShowDueAt: string | null;
                            note: string | null;
                            phone: string;
                            /** @enum {string} */
                            status: "booked" | "arrived" | "no_show" | "cancelled";
                            store: {
                                id: string;
                                name: string;
                            };
                            task: {
                                assigneeId: string;
                                dueAt: string;
                                id: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/appointments/reassign-candidates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Consultants I may hand a follow-up call to (my store and the neighbouring stores of my region) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                name: string;
                                role: string;
                                team: {
                                    id: string;
                                    name: string;
                                };
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/appointments/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Store figures for local dates from..to: arrivals, deals won, no-shows, no-show second-touch rate */
        get: {
            parameters: {
                query: {
                    consultant?: string;
                    from: string;
                    store?: string;
                    to: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AppointmentStats"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/approval-delegations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Delegations I gave or received */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ApprovalDelegation"][];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        /** Let someone decide my approvals between two dates (inclusive) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date */
                        endsOn: string;
                        note?: string;
                        /** Format: date */
                        startsOn: string;
                        toUserId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApprovalDelegation"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/approval-delegations/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End a delegation now; pending items return to the approver */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApprovalDelegation"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/approval-routes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Approval routes per kind (admins and directors) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                hasDraft: boolean;
                                kind: string;
                                name: string;
                                publishedVersion: number;
                                updatedAt: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/approval-routes/{kind}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A route: published definition, draft, versions */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    kind: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApprovalRoute"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/approval-routes/{kind}/draft": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Save the draft of a route (JSON); creates the kind if new. Nothing changes for requests until it is published */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    kind: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        branches: {
                            name: string;
                            nameEn?: string;
                            steps: {
                                approvers: string[];
                                /**
                                 * @default [
                                 *       "role:admin"
                                 *     ]
                                 */
                                fallback?: string[];
                                /**
                                 * @default any
                                 * @enum {string}
                                 */
                                mode?: "any" | "all";
                                name: string;
                                nameEn?: string;
                                /**
                                 * @default {
                                 *       "hours": 8,
                                 *       "remindShare": 0.5
                                 *     }
                                 */
                                sla?: {
                                    hours: number;
                                    /** @default 0.5 */
                                    remindShare?: number;
                                };
                            }[];
                            when?: unknown;
                        }[];
                        kind: string;
                        name: string;
                        nameEn?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApprovalRoute"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/approval-routes/{kind}/draft/yaml": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Save the draft from YAML; invalid YAML → 422 YAML_INVALID with line-precise errors */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    kind: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": string | {
                        yaml?: string;
                    };
                    "application/x-yaml": string | {
                        yaml?: string;
                    };
                    "application/yaml": string | {
                        yaml?: string;
                    };
                    "text/x-yaml": string | {
                        yaml?: string;
                    };
                    "text/yaml": string | {
                        yaml?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApprovalRoute"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/approval-routes/{kind}/migrate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move selected pending requests to the version in force (approvals kept where the step still exists; audited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    kind: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        ids: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                fromVersion: number;
                                id: string;
                                kept: string[];
                                toVersion: number;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/approval-routes/{kind}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Which branch and approvers the last 50 requests would get under the draft */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    kind: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                changed: boolean;
                                current: {
                                    branch: string;
                                    version: number;
                                };
                                draft: {
                                    branch: string;
                                    problem: string | null;
                                    steps: {
                                        approvers: components["schemas"]["UserRef"][];
                                        name: string;
                                    }[];
                                };
                                facts: {
                                    [key: string]: unknown;
                                };
                                id: string;
                                requester: components["schemas"]["UserRef"];
                                subject: {
                                    id: string;
                                    title: string | null;
                                };
                            }[];
                            usingDraft: boolean;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/approval-routes/{kind}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish the draft as the next version (requests in flight stay on theirs) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    kind: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApprovalRoute"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/approval-routes/{kind}/yaml": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The draft (or, without one, the published version) as YAML */
        get: {
            parameters: {
                query?: {
                    which?: "draft" | "published";
                };
                header?: never;
                path: {
                    kind: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/yaml": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/yaml": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/yaml": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/yaml": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/yaml": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/approval-routes/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Validate a route YAML document; answers { ok, errors: [{ line, column, path, message }] } */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": string | {
                        yaml?: string;
                    };
                    "application/x-yaml": string | {
                        yaml?: string;
                    };
                    "application/yaml": string | {
                        yaml?: string;
                    };
                    "text/x-yaml": string | {
                        yaml?: string;
                    };
                    "text/yaml": string | {
                        yaml?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            definition?: {
                                branches: {
                                    name: string;
                                    nameEn?: string;
                                    steps: {
                                        approvers: string[];
                                        /**
                                         * @default [
                                         *       "role:admin"
                                         *     ]
                                         */
                                        fallback: string[];
                                        /**
                                         * @default any
                                         * @enum {string}
                                         */
                                        mode: "any" | "all";
                                        name: string;
                                        nameEn?: string;
                                        /**
                                         * @default {
                                         *       "hours": 8,
                                         *       "remindShare": 0.5
                                         *     }
                                         */
                                        sla: {
                                            hours: number;
                                            /** @default 0.5 */
                                            remindShare: number;
                                        };
                                    }[];
                                    when?: unknown;
                                }[];
                                kind: string;
                                name: string;
                                nameEn?: string;
                            };
                            errors: components["schemas"]["YamlError"][];
                            ok: boolean;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/approvals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Approval requests in my scope or waiting for me (`assignee=me`: pending on a step where I, or someone I act for, decide) */
        get: {
            parameters: {
                query?: {
                    assignee?: "me";
                    dealId?: string;
                    kind?: string;
                    page?: number;
                    pageSize?: number;
                    requester?: "me";
                    status?: "draft" | "pending" | "approved" | "rejected" | "withdrawn";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Approval"][];
                            total: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        /** Request an approval 提交审批 (e.g. a quote) on a deal: answers the request with its resolved steps and the route version it is pinned to */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        kind: string;
                        subject: {
                            id: string;
                            /** @enum {string} */
                            type: "deal";
                        };
                        /**
                         * @default {
                         *       "documentDiscountFen": 0
                         *     }
                         */
                        values?: {
                            /** @default 0 */
                            documentDiscountFen?: number;
                            envelope?: {
                                maxAmountFen?: number;
                                maxDiscountBp?: number;
                            };
                            lines?: {
                                listPriceFen: number;
                                name?: string;
                                netPriceFen: number;
                                quantity: number;
                            }[];
                            listPriceFen?: number;
                            lost?: {
                                lostReason: string;
                                toStage: string;
                            };
                            netPriceFen?: number;
                            paymentTerms?: string;
                            validUntil?: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Approval"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/approvals/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One approval request with its values, envelope, steps and full trail */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Approval"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/approvals/{id}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve or reject the current step (a comment is required to reject); a decision that lost a race answers 409 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        comment?: string;
                        /** @enum {string} */
                        decision: "approve" | "reject";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Approval"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/approvals/{id}/resubmit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resubmit a draft, rejected or withdrawn request (optionally with new values) under the route version now in force */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        values?: {
                            /** @default 0 */
                            documentDiscountFen?: number;
                            envelope?: {
                                maxAmountFen?: number;
                                maxDiscountBp?: number;
                            };
                            lines?: {
                                listPriceFen: number;
                                name?: string;
                                netPriceFen: number;
                                quantity: number;
                            }[];
                            listPriceFen?: number;
                            lost?: {
                                lostReason: string;
                                toStage: string;
                            };
                            netPriceFen?: number;
                            paymentTerms?: string;
                            validUntil?: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Approval"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/approvals/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw my request before the first decision */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        comment?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Approval"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/approvals/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The full trail of the approvals I may see (same filters as the list) as CSV with a BOM or .xlsx */
        get: {
            parameters: {
                query?: {
                    assignee?: "me";
                    dealId?: string;
                    format?: "csv" | "xlsx";
                    kind?: string;
                    requester?: "me";
                    status?: "draft" | "pending" | "approved" | "rejected" | "withdrawn";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The file (binary) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                        "text/csv; charset=utf-8": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["ErrorResponse"];
                        "text/csv; charset=utf-8": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["ErrorResponse"];
                        "text/csv; charset=utf-8": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assist-point-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The rule set in force today and every published version */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            inForce: components["schemas"]["AssistRuleSet"];
                            versions: components["schemas"]["AssistRuleSet"][];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        /** Publish a rule-set version from an effective date (today or later; admin) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        caps: {
                            /** @default null */
                            perHelperWeek?: number | null;
                            /** @default null */
                            perOrder?: number | null;
                        };
                        effectiveFrom: string;
                        rules: ({
                            key: string;
                            /** @enum {string} */
                            kind: "response_in_sla";
                            points: number;
                        } | {
                            key: string;
                            /** @enum {string} */
                            kind: "resolution_in_sla";
                            points: number;
                        } | {
                            key: string;
                            /** @enum {string} */
                            kind: "rating_at_least";
                            min: number;
                            points: number;
                        } | {
                            key: string;
                            /** @enum {string} */
                            kind: "deal_advanced_within";
                            points: number;
                            workingDays: number;
                        } | {
                            days: number;
                            key: string;
                            /** @enum {string} */
                            kind: "deal_won_within";
                            points: number;
                        })[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AssistRuleSet"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assist-points": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 助攻积分 A helper’s ledger for a month: { total, entries } (self; managers for their team) */
        get: {
            parameters: {
                query?: {
                    month?: string;
                    /** @description A user id or `me` (default) */
                    userId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AssistPoints"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/assist-points/leaderboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Monthly leaderboard per team */
        get: {
            parameters: {
                query?: {
                    month?: string;
                    teamId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AssistLeaderboard"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Attachments of one customer, deal or activity in my scope, newest first */
        get: {
            parameters: {
                query: {
                    entity: "customer" | "deal" | "activity" | "work_order" | "contract";
                    entityId: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Attachment"][];
                            total: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Upload a file (multipart/form-data: entity customer|deal|activity, entityId, kind default other, then file)
         * @description Accepted: pdf, png, jpeg, gif, webp, docx, xlsx, pptx, txt, csv (content must match the extension). Too large → 413 PAYLOAD_TOO_LARGE; other types → 415 UNSUPPORTED_MEDIA_TYPE; record outside your scope → 404.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "multipart/form-data": {
                        /** @enum {string} */
                        entity: "customer" | "deal" | "activity" | "work_order" | "contract";
                        entityId: string;
                        /**
                         * Format: binary
                         * @description The file; send it as the last part
                         */
                        file: string;
                        /**
                         * @description Evidence kind of a stage gate, or other
                         * @default other
                         */
                        kind?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Attachment"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/attachments/{id}/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download the file (only if my scope covers the owning record) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The file content (binary) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Audit trail of one record (read-only; there is no write endpoint) */
        get: {
            parameters: {
                query: {
                    entity: "customer" | "contact" | "deal" | "activity" | "task" | "appointment" | "attachment" | "sla_intervention" | "approval" | "approval_delegation" | "work_order" | "work_order_type" | "contract" | "receivable_settings" | "assist_rule_set" | "ownership_conflict" | "team" | "user" | "pipeline" | "custom_field" | "calendar" | "team_schedule" | "channel" | "outbox" | "rule" | "cadence" | "digest_settings" | "dashboard_subscription" | "activity_checklist" | "activity_settings" | "lead_settings" | "approval_route" | "dictionary" | "deal_settings" | "org_settings" | "health_model" | "retention_plan" | "platform_connection";
                    id: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["AuditEntry"][];
                            total: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log in with username and password; sets the session cookie
         * @description Failed attempts are limited per account and per client address; past the limit → 429 RATE_LIMITED with Retry-After.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        password: string;
                        username: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: components["schemas"]["User"];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the session */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Ok"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cadences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 跟进节奏 Cadences with their steps (the shipped ones are installed on first use) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Cadence"][];
                            total: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        /** Create a cadence, or replace the one with the same key (admin); bad steps → 400 naming e.g. steps.1.offset */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @default {
                         *       "kind": "stage_entered"
                         *     }
                         */
                        anchor?: {
                            /** @enum {string} */
                            kind: "stage_entered";
                        } | {
                            field: string;
                            /** @enum {string} */
                            kind: "field";
                        };
                        description?: string;
                        descriptionEn?: string;
                        key: string;
                        name: string;
                        nameEn?: string;
                        steps: {
                            /** @enum {string} */
                            action: "send_materials" | "second_touch" | "book_demo" | "call" | "visit" | "wechat" | "email" | "send_link" | "send_video" | "other";
                            at?: string;
                            /** @default {} */
                            deliverable?: {
                                attachments?: {
                                    kind: string;
                                    label?: string;
                                    labelEn?: string;
                                    /** @default 1 */
                                    min?: number;
                                };
                                fields?: string[];
                                note_required?: boolean;
                                time_slots?: number;
                            };
                            instructions?: string;
                            instructionsEn?: string;
                            key: string;
                            offset: string;
                            template?: string;
                            templateEn?: string;
                            title: string;
                            titleEn?: string;
                            /**
                             * @default calendar_days
                             * @enum {string}
                             */
                            unit?: "calendar_days" | "working_days";
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            created: boolean;
                            definition: {
                                key: string;
                                name: string;
                            } & {
                                [key: string]: unknown;
                            };
                            id: string;
                            key: string;
                            name: string;
                            nameEn: string;
                            steps: ({
                                key: string;
                                offset: string;
                                title: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            created: boolean;
                            definition: {
                                key: string;
                                name: string;
                            } & {
                                [key: string]: unknown;
                            };
                            id: string;
                            key: string;
                            name: string;
                            nameEn: string;
                            steps: ({
                                key: string;
                                offset: string;
                                title: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cadences/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One cadence (by key or id) with its steps */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Cadence"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cadences/{key}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The cadence as YAML (round-trips through import) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The YAML document */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/yaml": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/yaml": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/yaml": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/yaml": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cadences/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create or update (by key) a cadence from YAML (admin); invalid YAML → 422 YAML_INVALID with line-precise errors */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": string | {
                        yaml?: string;
                    };
                    "application/x-yaml": string | {
                        yaml?: string;
                    };
                    "application/yaml": string | {
                        yaml?: string;
                    };
                    "text/x-yaml": string | {
                        yaml?: string;
                    };
                    "text/yaml": string | {
                        yaml?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            created: boolean;
                            definition: {
                                key: string;
                                name: string;
                            } & {
                                [key: string]: unknown;
                            };
                            id: string;
                            key: string;
                            name: string;
                            nameEn: string;
                            steps: ({
                                key: string;
                                offset: string;
                                title: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            created: boolean;
                            definition: {
                                key: string;
                                name: string;
                            } & {
                                [key: string]: unknown;
                            };
                            id: string;
                            key: string;
                            name: string;
                            nameEn: string;
                            steps: ({
                                key: string;
                                offset: string;
                                title: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cadences/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** On-time completion rate of cadence steps due in [from, to), per seller and per cadence (my scope) */
        get: {
            parameters: {
                query: {
                    from: string;
                    to: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CadenceStats"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cadences/steps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open cadence step tasks with guidance, template and deliverable (seller home); assigneeId=me by default */
        get: {
            parameters: {
                query?: {
                    assigneeId?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["CadenceOpenStep"][];
                            total: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cadences/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Validate a cadence YAML document; answers { ok, errors: [{ line, column, path, message }] } */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": string | {
                        yaml?: string;
                    };
                    "application/x-yaml": string | {
                        yaml?: string;
                    };
                    "application/yaml": string | {
                        yaml?: string;
                    };
                    "text/x-yaml": string | {
                        yaml?: string;
                    };
                    "text/yaml": string | {
                        yaml?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            definition?: {
                                key: string;
                            } & {
                                [key: string]: unknown;
                            };
                            errors: components["schemas"]["YamlError"][];
                            ok: boolean;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calendar/add": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** N working days (same local time on the N-th working day) and/or H elapsed hours after an instant 工作日推算 */
        get: {
            parameters: {
                query: {
                    hours?: string;
                    start: string;
                    workingDays?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            hours: number;
                            result: string;
                            resultLocal: string;
                            start: string;
                            timeZone: string;
                            workingDays: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calendar/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Org working-day calendar settings 工作日历设置 (time zone, rest weekdays, extra days off / working days) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            extraDaysOff: string[];
                            extraWorkdays: string[];
                            restWeekdays: number[];
                            timeZone: string;
                            updatedAt: string | null;
                            updatedBy: string | null;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        /** Replace the org calendar settings (admin); new SLA deadlines use them */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default [] */
                        extraDaysOff?: string[];
                        /** @default [] */
                        extraWorkdays?: string[];
                        restWeekdays: number[];
                        timeZone: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            extraDaysOff: string[];
                            extraWorkdays: string[];
                            restWeekdays: number[];
                            timeZone: string;
                            updatedAt: string | null;
                            updatedBy: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calendar/teams/{teamId}/schedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A team’s business hours and one-off closures 团队工作时间 (the default 09:00–12:00, 13:30–18:00 when it has none) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    teamId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            closures: {
                                from: string;
                                reason?: string;
                                to: string;
                            }[];
                            custom: boolean;
                            intervals: (string)[][];
                            teamId: string;
                            updatedAt: string | null;
                            updatedBy: string | null;
                            weekdays?: {
                                [key: string]: (string)[][];
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        /** Replace a team’s business hours and closures (admin); the team’s running SLA clocks move onto them */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    teamId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default [] */
                        closures?: {
                            from: string;
                            reason?: string;
                            to: string;
                        }[];
                        intervals: (string)[][];
                        /** @default {} */
                        weekdays?: {
                            [key: string]: (string)[][];
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            closures: {
                                from: string;
                                reason?: string;
                                to: string;
                            }[];
                            custom: boolean;
                            intervals: (string)[][];
                            teamId: string;
                            updatedAt: string | null;
                            updatedBy: string | null;
                            weekdays?: {
                                [key: string]: (string)[][];
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/calendar/working-days": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Each day of an inclusive date range with its kind (workday/dayoff), reason and provisional flag 工作日列表 */
        get: {
            parameters: {
                query: {
                    from: string;
                    to: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            count: number;
                            days: {
                                date: string;
                                /** @enum {string} */
                                kind: "workday" | "dayoff";
                                provisional: boolean;
                                /** @enum {string} */
                                reason: "weekday" | "rest_day" | "holiday" | "makeup_workday" | "extra_day_off" | "extra_workday";
                            }[];
                            from: string;
                            provisionalYears: number[];
                            timeZone: string;
                            to: string;
                            workingDays: string[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/callback-items/{id}/result": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a call-back result (confirmed / not_confirmed / unreachable); the newest result counts */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note?: string;
                        /** @enum {string} */
                        result: "confirmed" | "not_confirmed" | "unreachable";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CallbackItem"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/callback-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The org default and each team's monthly call-back share and checker (admin) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["CallbackSetting"][];
                            total: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        /** Set the monthly call-back share and checker of a team or the org (admin) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        checkerId: string | null;
                        shareBp: number;
                        teamId: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            checkerId: string | null;
                            shareBp: number;
                            teamId: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/callbacks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 随机抽检: monthly call-back draws I check or manage (seed, share, drawn customers with their visits and results) */
        get: {
            parameters: {
                query?: {
                    month?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["CallbackDraw"][];
                            total: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/callbacks/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Call-back results per seller; not-confirmed visits are flagged */
        get: {
            parameters: {
                query?: {
                    month?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["CallbackReportRow"][];
                            total: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/callbacks/verifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Call-back outcomes of a customer's visits (only visits a checker has called about), for the timeline */
        get: {
            parameters: {
                query: {
                    customerId: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["CallbackVerification"][];
                            total: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/channels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Delivery channels 通知通道 (admin); secrets are never returned, only secretSet/secretFields */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Channel"][];
                            total: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        /** Add a channel: WeCom/DingTalk/Feishu robot of a team (secrets.webhookUrl, secrets.secret), SMTP e-mail or SMS (admin) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default true */
                        enabled?: boolean;
                        /** @enum {string} */
                        kind: "wecom" | "dingtalk" | "feishu" | "email" | "sms";
                        name: string;
                        ratePerMinute?: number | null;
                        ratePerSecond?: number | null;
                        /** @default {} */
                        secrets?: {
                            [key: string]: unknown;
                        };
                        /** @default {} */
                        settings?: {
                            [key: string]: unknown;
                        };
                        teamId?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Channel"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/channels/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One channel (admin; secrets write-only) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Channel"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a channel; secrets given are replaced (null removes), others kept (admin) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        enabled?: boolean;
                        name?: string;
                        ratePerMinute?: number | null;
                        ratePerSecond?: number | null;
                        secrets?: {
                            [key: string]: unknown;
                        };
                        settings?: {
                            [key: string]: unknown;
                        };
                        teamId?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Channel"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/channels/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a test message 发送测试消息 now through the real channel and report its answer {ok,status,response,error} (admin) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        to?: string;
                    } | null;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ChannelTestResult"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contacts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a contact */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Ok"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a contact */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string|null} */
                        decisionPower?: "decision_maker" | "influencer" | "user" | "none" | null;
                        /** Format: email */
                        email?: string | null;
                        name?: string;
                        phone?: string | null;
                        title?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Contact"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/contracts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Contracts of a deal (the deal page) */
        get: {
            parameters: {
                query: {
                    dealId: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                amountFen?: number;
                                customer: {
                                    id: string;
                                    name: string;
                                };
                                deal: {
                                    id: string;
                                    name: string;
                                };
                                id: string;
                                number: string;
                                outstandingFen?: number;
                                owner: components["schemas"]["UserRef"];
                                paidFen?: number;
                                planVersion: number;
                                signedAt: string;
                                /**
                                 * @description paid when every instalment is; overdue when any is
                                 * @enum {string}
                                 */
                                status: "open" | "partially_paid" | "paid" | "overdue";
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        /** 登记合同 Register a contract of a deal with its payment plan (plan or split into N equal parts; must sum exactly: 422 PLAN_MISMATCH names the difference) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        amountFen: number;
                        dealId: string;
                        note?: string;
                        number?: string;
                        plan?: {
                            amountFen: number;
                            /** @description Contractual due date */
                            dueDate: string;
                            /** @description Planned invoice date */
                            invoiceDate?: string | null;
                            /**
                             * @description 电汇 wire | 银行承兑汇票 bank_acceptance | 商业承兑汇票 commercial_acceptance | 信用证 letter_of_credit | 现金 cash | other
                             * @enum {string}
                             */
                            method: "wire" | "bank_acceptance" | "commercial_acceptance" | "letter_of_credit" | "cash" | "other";
                        }[];
                        /** @description The signing date */
                        signedAt: string;
                        split?: {
                            firstDueDate: string;
                            /** @default 1 */
                            intervalMonths?: number;
                            /**
                             * @description 电汇 wire | 银行承兑汇票 bank_acceptance | 商业承兑汇票 commercial_acceptance | 信用证 letter_of_credit | 现金 cash | other
                             * @enum {string}
                             */
                            method: "wire" | "bank_acceptance" | "commercial_acceptance" | "letter_of_credit" | "cash" | "other";
                            parts: number;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Contract"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contracts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A contract: instalments derived from the allocation ledger (as of a date), payments, claims, evidence, recent activities */
        get: {
            parameters: {
                query?: {
                    /** @description Derive paid / outstanding / status as of this date (default today) */
                    asOf?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Contract"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contracts/{id}/amendments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 补充协议 A new plan version; no instalment below what is allocated to it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        amountFen?: number;
                        plan: {
                            amountFen: number;
                            /** @description Contractual due date */
                            dueDate: string;
                            id?: string;
                            /** @description Planned invoice date */
                            invoiceDate?: string | null;
                            /**
                             * @description 电汇 wire | 银行承兑汇票 bank_acceptance | 商业承兑汇票 commercial_acceptance | 信用证 letter_of_credit | 现金 cash | other
                             * @enum {string}
                             */
                            method: "wire" | "bank_acceptance" | "commercial_acceptance" | "letter_of_credit" | "cash" | "other";
                        }[];
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Contract"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contracts/{id}/claims": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 回款申明 A seller says the customer paid (bank slip): escalation waits N working days for finance */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        amountFen: number;
                        /** @description When the customer says they paid */
                        claimedOn: string;
                        evidenceFileId?: string;
                        instalmentId?: string;
                        note?: string;
                        reference?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Contract"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contracts/{id}/claims/{claimId}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject a claim (confirming = recording the payment with claimId): escalation fires at once with the note */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    claimId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description Confirming is recording the payment with claimId
                         * @enum {string}
                         */
                        decision: "rejected";
                        note: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Contract"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contracts/{id}/credit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The customer's unapplied credit (预收款) and where it came from */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            creditFen?: number;
                            customerId: string;
                            sources: {
                                availableFen?: number;
                                contractId: string;
                                paymentId: string;
                                receivedOn: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contracts/{id}/credit-applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Apply the customer's credit to an instalment of this contract (explicit, audited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        amountFen: number;
                        instalmentId: string;
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Contract"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contracts/{id}/instalments/{instalmentId}/invoice": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Invoice status of an instalment (finance) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    instalmentId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        invoiceNo?: string | null;
                        /** @enum {string} */
                        invoiceStatus: "not_issued" | "issued";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Contract"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contracts/{id}/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 登记回款 Record a payment (finance): FIFO by effective due date unless allocated by hand; the rest becomes customer credit */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        allocations?: {
                            amountFen: number;
                            instalmentId: string;
                        }[];
                        amountFen: number;
                        claimId?: string;
                        /** @description An attachment of this contract (bank slip) */
                        evidenceFileId?: string | null;
                        /**
                         * @description 电汇 wire | 银行承兑汇票 bank_acceptance | 商业承兑汇票 commercial_acceptance | 信用证 letter_of_credit | 现金 cash | other
                         * @enum {string}
                         */
                        method: "wire" | "bank_acceptance" | "commercial_acceptance" | "letter_of_credit" | "cash" | "other";
                        note?: string | null;
                        receivedOn: string;
                        /** @description Bank reference / 流水号 */
                        reference?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Contract"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contracts/{id}/payments/{paymentId}/reversal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reverse a payment: a reversing entry and negative allocations (never an edit) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    paymentId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                        reversedOn?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Contract"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contracts/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Receivable policy: tolerance, band day basis, due-date shift, number sequence, claim pause, escalation delay */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            bandBasis: "calendar" | "working";
                            claimPauseDays: number;
                            /** @enum {string} */
                            dueShift: "next_working_day" | "previous_working_day" | "none";
                            escalationDays: number;
                            numberPad: number;
                            numberPrefix: string;
                            numberYearly: boolean;
                            toleranceFen: number;
                            updatedAt: string | null;
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        /** Change the receivable policy (admin); timers of unpaid instalments are recomputed */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        bandBasis: "calendar" | "working";
                        claimPauseDays: number;
                        /** @enum {string} */
                        dueShift: "next_working_day" | "previous_working_day" | "none";
                        escalationDays: number;
                        numberPad: number;
                        numberPrefix: string;
                        numberYearly: boolean;
                        toleranceFen: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            bandBasis: "calendar" | "working";
                            claimPauseDays: number;
                            /** @enum {string} */
                            dueShift: "next_working_day" | "previous_working_day" | "none";
                            escalationDays: number;
                            numberPad: number;
                            numberPrefix: string;
                            numberYearly: boolean;
                            toleranceFen: number;
                            updatedAt: string | null;
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/custom-fields": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Custom field definitions of one object (customer, deal, activity) */
        get: {
            parameters: {
                query: {
                    entity: "customer" | "deal" | "activity";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["CustomField"][];
                            total: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        /** Define a custom field (admin) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        entity: "customer" | "deal" | "activity";
                        key: string;
                        label: string;
                        labelEn?: string | null;
                        options?: {
                            label: string;
                            labelEn?: string;
                            value: string;
                        }[];
                        /** @default false */
                        required?: boolean;
                        /** @enum {string} */
                        type: "text" | "number" | "money" | "date" | "select" | "multiselect" | "user" | "attachment";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CustomField"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/custom-fields/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a custom field definition (admin); stored values are kept but ignored */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Ok"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Customers in my scope: search q (name, phone, credit code, or a contact’s name or phone), filters, sort (name, createdAt, updatedAt, region; -desc), pages by `page` or `cursor` (`nextCursor`); `total` exact up to 1,000, above that an estimate (`totalIsEstimate`) unless `exactTotal=true` */
        get: {
            parameters: {
                query?: {
                    /** @description opaque `nextCursor` of the previous answer; takes precedence over `page` */
                    cursor?: string;
                    /** @description count every match now instead of answering an estimate for large totals */
                    exactTotal?: "0" | "1" | "true" | "false";
                    industry?: string;
                    kind?: "company" | "person";
                    level?: string;
                    ownerId?: string;
                    page?: number;
                    pageSize?: number;
                    q?: string;
                    region?: string;
                    sort?: string;
                    source?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Customer"][];
                            nextCursor: string | null;
                            total: number;
                            totalIsEstimate: boolean;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        /** Create a customer (company or person); owner defaults to me (or the lead assignment rules); 409 DUPLICATE_CUSTOMER names the existing owner */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Retry-safe create: the same key with the same body replays the first answer (Idempotent-Replayed: true); with another body → 422 IDEMPOTENCY_KEY_REUSED; still running → 409 IDEMPOTENCY_IN_PROGRESS. Per user, kept 24 h. */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        creditCode?: string | null;
                        custom?: {
                            [key: string]: unknown;
                        };
                        industry?: string | null;
                        /**
                         * @default company
                         * @enum {string}
                         */
                        kind?: "company" | "person";
                        level?: string | null;
                        name: string;
                        ownerId?: string;
                        phone?: string | null;
                        region?: string | null;
                        source?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CustomerDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/customers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One customer with contacts, owner and counts of deals and activities */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CustomerDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a customer (soft: hidden from lists, audit kept) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Ok"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a customer; a new owner moves it to the owner’s team */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        creditCode?: string | null;
                        custom?: {
                            [key: string]: unknown;
                        };
                        industry?: string | null;
                        /** @enum {string} */
                        kind?: "company" | "person";
                        level?: string | null;
                        name?: string;
                        ownerId?: string;
                        phone?: string | null;
                        region?: string | null;
                        source?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CustomerDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/customers/{id}/aliases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Other names of a customer ("浙一"), used by the free-text quick-log */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["CustomerAlias"][];
                            total: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        /** Add an alias to a customer in my scope (admins and sellers) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        alias: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CustomerAlias"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/customers/{id}/aliases/{aliasId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove an alias of a customer in my scope */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    aliasId: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Ok"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/customers/{id}/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a contact person to a customer */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string|null} */
                        decisionPower?: "decision_maker" | "influencer" | "user" | "none" | null;
                        /** Format: email */
                        email?: string | null;
                        name: string;
                        phone?: string | null;
                        title?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Contact"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/customers/{id}/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A customer’s score, colour, model version, coverage, per-dimension explanation, what moved since last time, history */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CustomerHealth"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/customers/{id}/opt-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 退订 The customer opts out of follow-ups: running cadences on their deals stop, new ones are refused */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            at?: string;
                            cancelledTasks?: number;
                            customerId: string;
                            optOut: boolean;
                            stoppedRuns?: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        /** Withdraw the opt-out */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            at?: string;
                            cancelledTasks?: number;
                            customerId: string;
                            optOut: boolean;
                            stoppedRuns?: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/customers/{id}/transfer-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask for a customer owned by someone else (after a DUPLICATE_CUSTOMER answer); opens an ownership conflict */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        duplicateId?: string;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OwnershipConflict"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dashboard-subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Dashboard subscriptions 仪表盘订阅: your own (admins: all) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["DashboardSubscription"][];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        /** Push dashboard metrics to group robots on a cron (org time zone; default weekly Monday 09:00), counted in your scope; managers */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        channels: string[];
                        /** @default 0 9 * * 1 */
                        cron?: string;
                        /** @default true */
                        enabled?: boolean;
                        /** @default {} */
                        filters?: {
                            industry?: string;
                            level?: string;
                            ownerId?: string;
                            pipelineId?: string;
                            region?: string;
                            source?: string;
                            teamId?: string;
                        };
                        /**
                         * @default [
                         *       "funnel",
                         *       "stalled",
                         *       "saturation",
                         *       "idi"
                         *     ]
                         */
                        metrics?: ("funnel" | "dwell" | "stalled" | "saturation" | "timeliness" | "cadence_ontime" | "completeness" | "idi" | "loss_matrix" | "win_rate" | "lead_quality" | "heatmap" | "consistency")[];
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DashboardSubscription"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dashboard-subscriptions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a dashboard subscription */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": null;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a dashboard subscription */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        channels?: string[];
                        cron?: string;
                        enabled?: boolean;
                        filters?: {
                            industry?: string;
                            level?: string;
                            ownerId?: string;
                            pipelineId?: string;
                            region?: string;
                            source?: string;
                            teamId?: string;
                        };
                        metrics?: ("funnel" | "dwell" | "stalled" | "saturation" | "timeliness" | "cadence_ontime" | "completeness" | "idi" | "loss_matrix" | "win_rate" | "lead_quality" | "heatmap" | "consistency")[];
                        name?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DashboardSubscription"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/dashboard-subscriptions/{id}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The robot message the next push would send now (nothing is sent) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            en: {
                                body: string;
                                title: string;
                            };
                            "zh-CN": {
                                body: string;
                                title: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dashboard-subscriptions/robots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Group robots you may push your dashboard to (your team, its subtree and parents) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                kind: string;
                                name: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dashboard/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The dashboard as one .xlsx: an About sheet (filters, as-of, time zone, user, scope) and one sheet per chart, data as displayed */
        get: {
            parameters: {
                query?: {
                    /** @description first local date of the period (org time zone); default 29 days before `to` */
                    from?: string;
                    /** @description stalled: working days without an effective interaction; default 5 */
                    idleDays?: number;
                    industry?: string;
                    level?: string;
                    /** @description comma-separated metric names; default every metric of the dashboard */
                    metrics?: string;
                    /** @description one owner (seller) */
                    ownerId?: string;
                    /** @description pipeline id or key; default the first active pipeline */
                    pipelineId?: string;
                    region?: string;
                    /** @description loss_matrix: the customer segment of the rows; default industry */
                    segment?: "industry" | "level" | "region" | "source";
                    source?: string;
                    /** @description team subtree, within your scope */
                    teamId?: string;
                    /** @description last local date of the period, inclusive; default today */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the file (binary) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/deal-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Org-wide deal settings (manager confirmation of a lost deal above an amount) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DealSettings"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        /** Set the org-wide deal settings (admin) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description marking a deal lost above this amount (fen) needs a manager; null: never */
                        lostConfirmAboveFen: number | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DealSettings"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/deals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Deals in your scope; q searches title and customer name; sort by title, amountFen, expectedCloseDate, stageEnteredAt, createdAt, updatedAt (prefix - for descending); pages by `page` or by `cursor` (the previous answer's `nextCursor`); `total` is exact up to 1,000, above that an estimate (`totalIsEstimate`) unless `exactTotal=true` */
        get: {
            parameters: {
                query?: {
                    /** @description opaque `nextCursor` of the previous answer; takes precedence over `page` */
                    cursor?: string;
                    customerId?: string;
                    /** @description count every match now instead of answering an estimate for large totals */
                    exactTotal?: "0" | "1" | "true" | "false";
                    ownerId?: string;
                    page?: number;
                    pageSize?: number;
                    pipelineId?: string;
                    q?: string;
                    sort?: string;
                    stage?: string;
                    status?: "open" | "won" | "lost";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Deal"][];
                            nextCursor: string | null;
                            total: number;
                            totalIsEstimate: boolean;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        /** Create a deal (starts in the first stage unless stageKey is given) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Retry-safe create: the same key with the same body replays the first answer (Idempotent-Replayed: true); with another body → 422 IDEMPOTENCY_KEY_REUSED; still running → 409 IDEMPOTENCY_IN_PROGRESS. Per user, kept 24 h. */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        amountFen?: number;
                        custom?: {
                            [key: string]: unknown;
                        };
                        customerId: string;
                        expectedCloseDate?: string | null;
                        /** @description defaults to the caller; sellers may only own their own deals */
                        ownerId?: string;
                        /** @description pipeline id or key */
                        pipelineId: string;
                        /** @description why the earlier stages are skipped when creating in a later stage */
                        skipReason?: string | null;
                        /** @description defaults to the first stage; a later stage needs the earlier gates met or, where they allow skipping, skipReason */
                        stageKey?: string;
                        title: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DealDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/deals/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A deal with its stage history and the unmet requirements of its current stage gate */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DealDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change title, customer, owner, amount, expected close date or custom values (stages change through /move) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        amountFen?: number;
                        /** @description merged into the existing values; null removes a value */
                        custom?: {
                            [key: string]: unknown;
                        };
                        customerId?: string;
                        expectedCloseDate?: string | null;
                        ownerId?: string;
                        title?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DealDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/deals/{id}/cadences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Cadence runs of a deal with their steps */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["CadenceRun"][];
                            total: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        /** Start a cadence on a deal now: each step becomes a task of the deal owner (409 if already running) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        cadence: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CadenceRun"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/deals/{id}/checklist": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Tick or untick an item of the current stage's checklist */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        done: boolean;
                        item: string;
                        note?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DealDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/deals/{id}/move": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move to another stage. Forward by one needs the current gate (422 GATE_UNMET with unmet[]); skipping needs allowSkip on every skipped stage (422 SKIP_NOT_ALLOWED) and skipReason; backward is always allowed. Lost needs lostReason; above the org's lostConfirmAboveFen a non-manager's lost move answers 202 with the pending lost_confirmation approval and the unchanged deal (409 while one is pending) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description required when toStage is a lost stage: a key of the lost_reason dictionary (GET /api/dictionaries?kind=lost_reason) */
                        lostReason?: string | null;
                        skipReason?: string | null;
                        toStage: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DealDetail"];
                    };
                };
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PendingDealMove"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/deals/{id}/risks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Live risk flags of a deal with their evidence, drill link and suggested action (all=true: also cleared ones) */
        get: {
            parameters: {
                query?: {
                    all?: "true" | "false";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DealRisks"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/deals/attention": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prioritising interventions 介入优先级: amount, stage, days overdue and last effective activity of the given deals in your scope */
        get: {
            parameters: {
                query: {
                    /** @description Comma-separated deal ids (at most 100) */
                    ids: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["DealAttention"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dictionaries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Dictionary entries (lost reasons, regions, industries, sources, customer levels) for forms and filters */
        get: {
            parameters: {
                query?: {
                    /** @description also retired entries (admins) */
                    includeInactive?: "true" | "false";
                    kind?: "lost_reason" | "region" | "industry" | "source" | "customer_level";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["DictionaryEntry"][];
                            total: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        /** Add a dictionary entry (admin) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        aliases?: string[];
                        /** @description the stored value; defaults to the label */
                        key?: string;
                        /** @enum {string} */
                        kind: "lost_reason" | "region" | "industry" | "source" | "customer_level";
                        label: string;
                        labelEn?: string | null;
                        /** @description region hierarchy: the province of a city */
                        parentKey?: string | null;
                        sort?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DictionaryEntry"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dictionaries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename, reorder, add aliases or retire a dictionary entry (admin) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description false retires the entry: hidden from forms, kept on records */
                        active?: boolean;
                        aliases?: string[];
                        label?: string;
                        labelEn?: string | null;
                        sort?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DictionaryEntry"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/digests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Daily digests 顾问日清 of a store/team as sent (content, robot markdown, sent/late, robot deliveries); by local date or the latest 30 */
        get: {
            parameters: {
                query: {
                    date?: string;
                    team: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Digest"][];
                            team: {
                                id: string;
                                name: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/digests/generate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Generate and send the digest now (stored under the current minute; 409 if already generated this minute); managers */
        post: {
            parameters: {
                query: {
                    team: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            date: string;
                            slot: string;
                            team: {
                                id: string;
                                name: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/digests/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Today's digest of a team, store or region roll-up computed now (not stored, not sent) */
        get: {
            parameters: {
                query: {
                    team: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description DigestContent as of now (not stored, not sent) */
                            content: {
                                [key: string]: unknown;
                            };
                            markdown: {
                                en: {
                                    body: string;
                                    title: string;
                                };
                                "zh-CN": {
                                    body: string;
                                    title: string;
                                };
                            };
                            team: {
                                id: string;
                                name: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/digests/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Daily digest settings 日清报表设置 of a store/team: cron (org time zone), enabled, robots */
        get: {
            parameters: {
                query: {
                    team: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            channels: string[] | null;
                            cron: string;
                            enabled: boolean;
                            nextRunAt: string | null;
                            targets: {
                                id: string;
                                kind: string;
                                name: string;
                            }[];
                            teamId: string;
                            teamName: string;
                            /** @description The daily send time HH:mm when the cron is a daily one, else null */
                            time: string | null;
                            timeZone: string;
                            updatedAt: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        /** Change a store/team daily digest: cron such as "0 18 * * *", enabled, robot channel ids (null = the team's robots); admin, director, regional manager or lead */
        put: {
            parameters: {
                query: {
                    team: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        channels?: string[] | null;
                        cron?: string;
                        enabled?: boolean;
                        time?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            channels: string[] | null;
                            cron: string;
                            enabled: boolean;
                            nextRunAt: string | null;
                            targets: {
                                id: string;
                                kind: string;
                                name: string;
                            }[];
                            teamId: string;
                            teamName: string;
                            /** @description The daily send time HH:mm when the cron is a daily one, else null */
                            time: string | null;
                            timeZone: string;
                            updatedAt: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/digests/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Teams, stores and region roll-ups whose digest I may read, and my default (my own team or region) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description The caller's own team, or their region's roll-up */
                            default: string | null;
                            items: {
                                /** @enum {string} */
                                figures: "store" | "b2b";
                                id: string;
                                kind: string;
                                name: string;
                                rollUp: boolean;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/exports/{list}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A whole list (deals, customers, activities, tasks) in your scope as .xlsx (with an About sheet) or CSV with a BOM; streamed, hidden fields dropped */
        get: {
            parameters: {
                query?: {
                    customerId?: string;
                    format?: "xlsx" | "csv";
                    /** @description activities: first local date */
                    from?: string;
                    industry?: string;
                    level?: string;
                    /** @description owner (deals, customers, activities) or assignee (tasks) */
                    ownerId?: string;
                    pipelineId?: string;
                    region?: string;
                    source?: string;
                    stage?: string;
                    status?: string;
                    teamId?: string;
                    /** @description activities: last local date, inclusive */
                    to?: string;
                };
                header?: never;
                path: {
                    list: "deals" | "customers" | "activities" | "tasks";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the file (binary) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                        "text/csv; charset=utf-8": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["ErrorResponse"];
                        "text/csv; charset=utf-8": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["ErrorResponse"];
                        "text/csv; charset=utf-8": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness and database dialect */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            database: "sqlite" | "postgres";
                            /** @enum {boolean} */
                            ok: true;
                            time: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health-models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 客户健康度模型 The model in force and every published version */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            current: components["schemas"]["HealthModelVersion"] | null;
                            versions: components["schemas"]["HealthModelVersion"][];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        /** Publish the next model version (admin); firePlaybooks: colour changes caused only by the switch run playbooks */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        definition: {
                            bands: {
                                green: number;
                                yellow: number;
                            };
                            /** @default 0.6 */
                            coverageFloor?: number;
                            groups: {
                                dimensions: {
                                    key: string;
                                    name: string;
                                    nameEn?: string;
                                    normalize: {
                                        /** @default false */
                                        percentile?: boolean;
                                        points: (number)[][];
                                    };
                                    /** @default [] */
                                    notApplicableFor?: string[];
                                    source: {
                                        field: string;
                                        map?: {
                                            [key: string]: number;
                                        };
                                        /** @enum {string} */
                                        type: "field";
                                    } | {
                                        /** @default 365 */
                                        days?: number;
                                        /** @enum {string} */
                                        measure: "won_amount" | "product_lines";
                                        /** @enum {string} */
                                        type: "deals";
                                    } | {
                                        /** @default 90 */
                                        days?: number;
                                        /** @default false */
                                        effectiveOnly?: boolean;
                                        /** @enum {string} */
                                        type: "activities";
                                        types?: string[];
                                    } | {
                                        /** @enum {string} */
                                        type: "work_orders";
                                    } | {
                                        /** @default 0 */
                                        graceWorkingDays?: number;
                                        /** @enum {string} */
                                        type: "on_time_payment_rate";
                                    };
                                    weight: number;
                                }[];
                                key: string;
                                name: string;
                                nameEn?: string;
                                weight: number;
                            }[];
                            /**
                             * @default {
                             *       "points": 5,
                             *       "computations": 3
                             *     }
                             */
                            hysteresis?: {
                                computations: number;
                                points: number;
                            };
                            /** @default 7 */
                            missingDays?: number;
                            name: string;
                            nameEn?: string;
                            segmentBy?: string;
                            severeBelow?: number;
                            trend?: {
                                days: number;
                                drop: number;
                            };
                        };
                        /** @default false */
                        firePlaybooks?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HealthModelVersion"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health-models/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A model version as YAML (the current one by default; round-trips through import) */
        get: {
            parameters: {
                query?: {
                    version?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/yaml": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/yaml": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/yaml": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/yaml": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/yaml": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health-models/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish a model version from YAML (admin); invalid → 422 YAML_INVALID with line numbers */
        post: {
            parameters: {
                query?: {
                    firePlaybooks?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": string | {
                        yaml?: string;
                    };
                    "application/x-yaml": string | {
                        yaml?: string;
                    };
                    "application/yaml": string | {
                        yaml?: string;
                    };
                    "text/x-yaml": string | {
                        yaml?: string;
                    };
                    "text/yaml": string | {
                        yaml?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HealthModelVersion"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health-models/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Before publishing: how many customers, and which, would change colour under this definition */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        definition: {
                            bands: {
                                green: number;
                                yellow: number;
                            };
                            /** @default 0.6 */
                            coverageFloor?: number;
                            groups: {
                                dimensions: {
                                    key: string;
                                    name: string;
                                    nameEn?: string;
                                    normalize: {
                                        /** @default false */
                                        percentile?: boolean;
                                        points: (number)[][];
                                    };
                                    /** @default [] */
                                    notApplicableFor?: string[];
                                    source: {
                                        field: string;
                                        map?: {
                                            [key: string]: number;
                                        };
                                        /** @enum {string} */
                                        type: "field";
                                    } | {
                                        /** @default 365 */
                                        days?: number;
                                        /** @enum {string} */
                                        measure: "won_amount" | "product_lines";
                                        /** @enum {string} */
                                        type: "deals";
                                    } | {
                                        /** @default 90 */
                                        days?: number;
                                        /** @default false */
                                        effectiveOnly?: boolean;
                                        /** @enum {string} */
                                        type: "activities";
                                        types?: string[];
                                    } | {
                                        /** @enum {string} */
                                        type: "work_orders";
                                    } | {
                                        /** @default 0 */
                                        graceWorkingDays?: number;
                                        /** @enum {string} */
                                        type: "on_time_payment_rate";
                                    };
                                    weight: number;
                                }[];
                                key: string;
                                name: string;
                                nameEn?: string;
                                weight: number;
                            }[];
                            /**
                             * @default {
                             *       "points": 5,
                             *       "computations": 3
                             *     }
                             */
                            hysteresis?: {
                                computations: number;
                                points: number;
                            };
                            /** @default 7 */
                            missingDays?: number;
                            name: string;
                            nameEn?: string;
                            segmentBy?: string;
                            severeBelow?: number;
                            trend?: {
                                days: number;
                                drop: number;
                            };
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            changes: number;
                            customers: number;
                            quiet: number;
                            sample: {
                                customerId: string;
                                from: string | null;
                                name: string;
                                pending: {
                                    colour: string;
                                    count: number;
                                } | null;
                                reason: string;
                                score: number;
                                to: string;
                            }[];
                            transitions: {
                                count: number;
                                from: string;
                                to: string;
                            }[];
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health-models/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Validate a model YAML document: { ok, errors: [{ line, column, path, message }] } */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": string | {
                        yaml?: string;
                    };
                    "application/x-yaml": string | {
                        yaml?: string;
                    };
                    "application/yaml": string | {
                        yaml?: string;
                    };
                    "text/x-yaml": string | {
                        yaml?: string;
                    };
                    "text/yaml": string | {
                        yaml?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            definition?: unknown;
                            errors: components["schemas"]["YamlError"][];
                            ok: boolean;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health/backtest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Customers whose orders stopped: how many were yellow/red at least leadDays before their last order, with the lead time */
        get: {
            parameters: {
                query?: {
                    leadDays?: number;
                    months?: number;
                    quietDays?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            caughtEarly: number;
                            customers: number;
                            flagged: number;
                            items: {
                                caught: boolean;
                                customerId: string;
                                flaggedAt: string | null;
                                lastOrderAt: string;
                                leadDays: number | null;
                            }[];
                            leadDays: number;
                            medianLeadDays: number | null;
                            months: number;
                            quietDays: number;
                            share: number | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Customers in my scope by health (colour, trend = 下滑预警, or the ids of a customer-list page), lowest score first */
        get: {
            parameters: {
                query?: {
                    colour?: "green" | "yellow" | "red" | "grey";
                    ids?: string;
                    page?: number;
                    pageSize?: number;
                    trend?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["CustomerHealthItem"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health/recompute": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Recompute now: one customer (anyone who sees it) or all (admin). Unchanged scores write and emit nothing */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        customerId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            changes: {
                                customerId: string;
                                from?: string | null;
                                /** @enum {string} */
                                kind: "colour" | "trend";
                                to?: string;
                            }[];
                            customers: number;
                            written: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/import-presets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Saved column mappings of one kind of import */
        get: {
            parameters: {
                query?: {
                    kind?: "customers" | "deals" | "activities" | "contracts";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ImportPreset"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        /** Save a mapping under a name (replaces the preset of that name) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        headers: string[];
                        /**
                         * @default customers
                         * @enum {string}
                         */
                        kind?: "customers" | "deals" | "activities" | "contracts";
                        mapping: (string | null)[];
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ImportPreset"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/import-presets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a saved mapping */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": null;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Import history: mine, or everyone’s for directors and admins */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Import"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        /** Upload a file of customers, deals or activities (multipart field `kind`; .xlsx, .csv UTF-8 or GBK/GB18030) for a staged import: answers the preview, the detected format and a suggested mapping */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "multipart/form-data": {
                        /**
                         * @description Override the detected CSV encoding
                         * @enum {string}
                         */
                        encoding?: "utf8" | "gb18030";
                        /**
                         * Format: binary
                         * @description The file; send it as the last part
                         */
                        file: string;
                        /**
                         * @description Override the detected format
                         * @enum {string}
                         */
                        format?: "xlsx" | "csv";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ImportUpload"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/imports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One import: status, progress, counts of the dry run and of the commit */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Import"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/imports/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel: a running phase stops after its current batch */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Import"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/imports/{id}/commit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Phase 2: apply the staged verdicts in checkpointed batches */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default false */
                        wait?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Import"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/imports/{id}/dry-run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Phase 1: validate every row with this mapping and stage a verdict per row; writes no customer */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        mapping: (string | null)[];
                        /**
                         * @default {
                         *       "mode": "upsert",
                         *       "duplicates": "update",
                         *       "perRowEvents": false,
                         *       "defaultOwnerId": null
                         *     }
                         */
                        options?: {
                            /** @default null */
                            defaultOwnerId?: string | null;
                            /**
                             * @default update
                             * @enum {string}
                             */
                            duplicates?: "skip" | "update" | "create";
                            /**
                             * @default upsert
                             * @enum {string}
                             */
                            mode?: "create" | "update" | "upsert";
                            /** @default false */
                            perRowEvents?: boolean;
                        };
                        presetName?: string;
                        /** @default false */
                        wait?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Import"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/imports/{id}/errors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Error file: original columns of the rows not written, their row number and an error column (.xlsx or .csv) */
        get: {
            parameters: {
                query?: {
                    format?: "xlsx" | "csv";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The file (binary) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/imports/{id}/rows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The dry-run report: staged rows with verdict and problems (row, column, code, message) */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    verdict?: "all" | "problems" | "create" | "update" | "unchanged" | "skip" | "conflict" | "denied" | "error";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ImportRow"][];
                            total: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/imports/{id}/undo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Undo within 7 days: delete untouched created records, restore updated fields; changed records are listed as conflicts */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            import: components["schemas"]["Import"];
                            undo: {
                                conflictRows: {
                                    customerId: string;
                                    name: string;
                                    /** @enum {string} */
                                    reason: "changed_since" | "has_work" | "gone";
                                    row: number;
                                }[];
                                conflicts: number;
                                deleted: number;
                                restored: number;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/lead-assignment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Lead assignment rules (线索分配规则) and pool settings (managers) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            assignment: components["schemas"]["LeadAssignmentSettings"];
                            pool: components["schemas"]["PoolSettings"];
                            updatedAt: string | null;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        /** Replace the lead assignment rules: by region/industry/source to a team, round robin or least open load (admin) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @default round_robin
                         * @enum {string}
                         */
                        defaultMethod?: "round_robin" | "least_load";
                        /** @default null */
                        defaultTeamId?: string | null;
                        /** @default false */
                        enabled?: boolean;
                        /** @default [] */
                        rules?: {
                            key: string;
                            /**
                             * @default round_robin
                             * @enum {string}
                             */
                            method?: "round_robin" | "least_load";
                            name: string;
                            teamId: string;
                            /** @default {} */
                            when?: {
                                industries?: string[];
                                regions?: string[];
                                sources?: string[];
                            };
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LeadAssignmentSettings"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/lead-assignments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Assignment history: every owner change made by rules, transfers, claims and hand-overs */
        get: {
            parameters: {
                query?: {
                    customerId?: string;
                    page?: number;
                    pageSize?: number;
                    q?: string;
                    sort?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: ({
                                id?: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            total?: number;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/leads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a lead (a customer with a source); the owner comes from the assignment rules unless ownerId is given */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        creditCode?: string | null;
                        custom?: {
                            [key: string]: unknown;
                        };
                        industry?: string | null;
                        /**
                         * @default company
                         * @enum {string}
                         */
                        kind?: "company" | "person";
                        level?: string | null;
                        name: string;
                        ownerId?: string;
                        phone?: string | null;
                        region?: string | null;
                        source: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CustomerDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/leads/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import leads: each row is created, reported as a duplicate (with its owner) or as an error */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        items: {
                            creditCode?: string | null;
                            custom?: {
                                [key: string]: unknown;
                            };
                            industry?: string | null;
                            /**
                             * @default company
                             * @enum {string}
                             */
                            kind?: "company" | "person";
                            level?: string | null;
                            name: string;
                            ownerId?: string;
                            phone?: string | null;
                            region?: string | null;
                            source: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            created: number;
                            duplicates: number;
                            errors: number;
                            results: ({
                                code?: string;
                                customer?: string;
                                fields?: components["schemas"]["FieldError"][];
                                id?: string;
                                index: number;
                                message?: string;
                                owner?: {
                                    id: string;
                                    name: string;
                                } & {
                                    [key: string]: unknown;
                                };
                                ownerId?: string;
                                /** @enum {string} */
                                status: "created" | "duplicate" | "error";
                            } & {
                                [key: string]: unknown;
                            })[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/material-links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tracked links of a customer or an activity with their opens ("客户已打开方案 2 次，最近 12-03 10:14") */
        get: {
            parameters: {
                query?: {
                    activityId?: string;
                    customerId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["MaterialLink"][];
                            total: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        /** Share an attachment or a URL as a tracked link (expires; opened without a login; every open is recorded) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        activityId?: string;
                        attachmentId?: string;
                        customerId: string;
                        /** Format: date-time */
                        expiresAt: string;
                        title?: string;
                        /** Format: uri */
                        url?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CreatedMaterialLink"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/material-links/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One tracked link with each open (time, device, approximate time on page) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MaterialLinkDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/material-links/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke a link: it stops opening at once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MaterialLinkDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The logged-in user, role and team */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/abilities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What I may do, per module and action, and the fields hidden from me (the web app shows and hides by it) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            abilities: {
                                activity: {
                                    configure: boolean;
                                };
                                appointment: {
                                    book: boolean;
                                    reassign: boolean;
                                };
                                approval: {
                                    manageRoutes: boolean;
                                    migrate: boolean;
                                    readRoutes: boolean;
                                    request: boolean;
                                };
                                assist: {
                                    configure: boolean;
                                    readOthers: boolean;
                                };
                                audit: {
                                    readUnscoped: boolean;
                                };
                                cadence: {
                                    manage: boolean;
                                };
                                calendar: {
                                    manage: boolean;
                                };
                                callback: {
                                    check: boolean;
                                    configure: boolean;
                                    record: boolean;
                                };
                                channel: {
                                    manage: boolean;
                                };
                                conflict: {
                                    resolve: boolean;
                                };
                                contract: {
                                    amend: boolean;
                                    configure: boolean;
                                    create: boolean;
                                    readAmount: boolean;
                                };
                                customer: {
                                    handover: boolean;
                                };
                                customfield: {
                                    manage: boolean;
                                };
                                dashboard: {
                                    home: boolean;
                                };
                                deal: {
                                    configure: boolean;
                                    confirmLost: boolean;
                                    readAmount: boolean;
                                };
                                dictionary: {
                                    manage: boolean;
                                };
                                digest: {
                                    configure: boolean;
                                };
                                health: {
                                    manage: boolean;
                                    readModel: boolean;
                                    recomputeAll: boolean;
                                };
                                import: {
                                    readAll: boolean;
                                    run: boolean;
                                };
                                intervention: {
                                    resolveAny: boolean;
                                    view: boolean;
                                };
                                lead: {
                                    configure: boolean;
                                    readAllAssignments: boolean;
                                    readAssignments: boolean;
                                    readSettings: boolean;
                                };
                                material: {
                                    share: boolean;
                                };
                                org: {
                                    manage: boolean;
                                };
                                outbox: {
                                    manage: boolean;
                                };
                                pattern: {
                                    configure: boolean;
                                    mine: boolean;
                                    read: boolean;
                                    readCandidates: boolean;
                                    readLoop: boolean;
                                };
                                payment: {
                                    claim: boolean;
                                    record: boolean;
                                };
                                pipeline: {
                                    manage: boolean;
                                };
                                platform: {
                                    manage: boolean;
                                };
                                pool: {
                                    claim: boolean;
                                    configure: boolean;
                                    sweep: boolean;
                                };
                                quicklog: {
                                    alias: boolean;
                                };
                                receivable: {
                                    board: boolean;
                                    managePartners: boolean;
                                };
                                record: {
                                    assignOrgWide: boolean;
                                    assignOthers: boolean;
                                };
                                rule: {
                                    manage: boolean;
                                    read: boolean;
                                };
                                token: {
                                    use: boolean;
                                };
                                workorder: {
                                    configure: boolean;
                                };
                            };
                            /** @description Fields removed from every answer to this caller, e.g. deal.amountFen */
                            hiddenFields: ("deal.amountFen" | "approval.prices" | "contract.amounts" | "health.amountInputs")[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change my password (with the current one); my other sessions end and my API tokens are revoked */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        currentPassword: string;
                        newPassword: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Ok"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/platform-messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My personal platform messages: preference and bound accounts */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            bindings: {
                                connectionId: string;
                                externalId: string;
                                name: string;
                                /** @enum {string} */
                                platform: "wecom" | "dingtalk" | "feishu";
                            }[];
                            /** @enum {string} */
                            mode: "default" | "off" | "also" | "instead";
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        /** Set my preference: default (the connection’s), off, also (with group robots) or instead (of group robots) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        mode: "default" | "off" | "also" | "instead";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            bindings: {
                                connectionId: string;
                                externalId: string;
                                name: string;
                                /** @enum {string} */
                                platform: "wecom" | "dingtalk" | "feishu";
                            }[];
                            /** @enum {string} */
                            mode: "default" | "off" | "also" | "instead";
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Metric names with their definitions */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                dims: string[];
                                explain: {
                                    en: string;
                                    zh: string;
                                };
                                name: string;
                                title: {
                                    en: string;
                                    zh: string;
                                };
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/metrics/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The figures of one metric in your scope; every countable figure is { cell, value } */
        get: {
            parameters: {
                query?: {
                    /** @description first local date of the period (org time zone); default 29 days before `to` */
                    from?: string;
                    /** @description stalled: working days without an effective interaction; default 5 */
                    idleDays?: number;
                    industry?: string;
                    level?: string;
                    /** @description one owner (seller) */
                    ownerId?: string;
                    /** @description pipeline id or key; default the first active pipeline */
                    pipelineId?: string;
                    region?: string;
                    /** @description loss_matrix: the customer segment of the rows; default industry */
                    segment?: "industry" | "level" | "region" | "source";
                    source?: string;
                    /** @description team subtree, within your scope */
                    teamId?: string;
                    /** @description last local date of the period, inclusive; default today */
                    to?: string;
                };
                header?: never;
                path: {
                    name: "funnel" | "dwell" | "stalled" | "saturation" | "timeliness" | "cadence_ontime" | "completeness" | "idi" | "loss_matrix" | "win_rate" | "lead_quality" | "heatmap" | "consistency";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MetricAnswer"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/metrics/{name}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The metric as .xlsx (About sheet, one sheet per chart, the records sheet) or its records as CSV with a BOM; streamed, same scope and hidden fields */
        get: {
            parameters: {
                query?: {
                    /** @description export only the records of this cell */
                    cell?: string;
                    /** @description csv: the records only, UTF-8 with a BOM */
                    format?: "xlsx" | "csv";
                    /** @description first local date of the period (org time zone); default 29 days before `to` */
                    from?: string;
                    /** @description stalled: working days without an effective interaction; default 5 */
                    idleDays?: number;
                    industry?: string;
                    level?: string;
                    /** @description one owner (seller) */
                    ownerId?: string;
                    /** @description pipeline id or key; default the first active pipeline */
                    pipelineId?: string;
                    region?: string;
                    /** @description loss_matrix: the customer segment of the rows; default industry */
                    segment?: "industry" | "level" | "region" | "source";
                    source?: string;
                    /** @description team subtree, within your scope */
                    teamId?: string;
                    /** @description last local date of the period, inclusive; default today */
                    to?: string;
                };
                header?: never;
                path: {
                    name: "funnel" | "dwell" | "stalled" | "saturation" | "timeliness" | "cadence_ontime" | "completeness" | "idi" | "loss_matrix" | "win_rate" | "lead_quality" | "heatmap" | "consistency";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description the file (binary) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                        "text/csv; charset=utf-8": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["ErrorResponse"];
                        "text/csv; charset=utf-8": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["ErrorResponse"];
                        "text/csv; charset=utf-8": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["ErrorResponse"];
                        "text/csv; charset=utf-8": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/metrics/{name}/records": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The records behind one figure or chart cell (same query): total equals the cell value */
        get: {
            parameters: {
                query: {
                    /** @description the `cell` of a figure or chart cell of the metric answer */
                    cell: string;
                    /** @description first local date of the period (org time zone); default 29 days before `to` */
                    from?: string;
                    /** @description stalled: working days without an effective interaction; default 5 */
                    idleDays?: number;
                    industry?: string;
                    level?: string;
                    /** @description one owner (seller) */
                    ownerId?: string;
                    page?: number;
                    pageSize?: number;
                    /** @description pipeline id or key; default the first active pipeline */
                    pipelineId?: string;
                    region?: string;
                    /** @description loss_matrix: the customer segment of the rows; default industry */
                    segment?: "industry" | "level" | "region" | "source";
                    source?: string;
                    /** @description team subtree, within your scope */
                    teamId?: string;
                    /** @description last local date of the period, inclusive; default today */
                    to?: string;
                };
                header?: never;
                path: {
                    name: "funnel" | "dwell" | "stalled" | "saturation" | "timeliness" | "cadence_ontime" | "completeness" | "idi" | "loss_matrix" | "win_rate" | "lead_quality" | "heatmap" | "consistency";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            asOf: string;
                            cell: string;
                            items: components["schemas"]["DrillItem"][];
                            page: number;
                            pageSize: number;
                            total: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My inbox 通知 (newest first): {items,total,unread}; unread=true lists only unread */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    unread?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Inbox"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark one of my notifications read 标为已读 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": Record<string, never> | null;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Notification"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark all my notifications read 全部已读 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": Record<string, never> | null;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            unread: number;
                            updated: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/org-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Org-wide settings: how amounts are shown, which roles may hold API tokens and for how long */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OrgSettings"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        /** Change the org-wide settings (admin); a role losing the token permission loses its tokens */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description full: ¥2,656,000.00; wan: ¥265.6万 — for everyone in the web
                         * @enum {string}
                         */
                        amountDisplay?: "full" | "wan";
                        /** @description per role; roles left out keep their rule */
                        tokenRoles?: {
                            admin?: {
                                /** @description may users of this role create and use API tokens */
                                allowed: boolean;
                                /** @description longest lifetime of a token of this role, in days; older tokens stop working */
                                maxDays: number;
                            };
                            director?: {
                                /** @description may users of this role create and use API tokens */
                                allowed: boolean;
                                /** @description longest lifetime of a token of this role, in days; older tokens stop working */
                                maxDays: number;
                            };
                            finance?: {
                                /** @description may users of this role create and use API tokens */
                                allowed: boolean;
                                /** @description longest lifetime of a token of this role, in days; older tokens stop working */
                                maxDays: number;
                            };
                            lead?: {
                                /** @description may users of this role create and use API tokens */
                                allowed: boolean;
                                /** @description longest lifetime of a token of this role, in days; older tokens stop working */
                                maxDays: number;
                            };
                            regional_manager?: {
                                /** @description may users of this role create and use API tokens */
                                allowed: boolean;
                                /** @description longest lifetime of a token of this role, in days; older tokens stop working */
                                maxDays: number;
                            };
                            seller?: {
                                /** @description may users of this role create and use API tokens */
                                allowed: boolean;
                                /** @description longest lifetime of a token of this role, in days; older tokens stop working */
                                maxDays: number;
                            };
                            support?: {
                                /** @description may users of this role create and use API tokens */
                                allowed: boolean;
                                /** @description longest lifetime of a token of this role, in days; older tokens stop working */
                                maxDays: number;
                            };
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OrgSettings"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/outbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Outbox messages 发送队列 (admin); status=dead is the dead-letter list 死信 with each channel’s last error */
        get: {
            parameters: {
                query?: {
                    channelId?: string;
                    kind?: "wecom" | "dingtalk" | "feishu" | "email" | "sms" | "webhook";
                    page?: number;
                    pageSize?: number;
                    status?: "pending" | "sent" | "dead";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["OutboxItem"][];
                            total: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/outbox/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Retry a dead or pending message now 重试 (admin) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": Record<string, never> | null;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OutboxItem"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ownership-conflicts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Ownership conflict queue (归属冲突): visible to managers of either party and to the two sellers */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    q?: string;
                    sort?: string;
                    status?: "open" | "resolved" | "all";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: ({
                                id?: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            total?: number;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ownership-conflicts/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resolve a conflict: keep with the owner, transfer to the requester, or merge the two records (mergeInto = survivor) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        action: "keep" | "transfer" | "merge";
                        mergeInto?: string;
                        /** @default  */
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OwnershipConflict"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patterns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Mined behaviour patterns of a pipeline with their evidence (admins also see candidates below the bar) */
        get: {
            parameters: {
                query: {
                    pipelineId: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Pattern"][];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patterns/{id}/deals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The historical deals behind a pattern (in your scope); total = support for org-wide readers */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PatternDeals"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patterns/loop": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Closed loop: flagged deals, whether the suggested action was done in time, later outcome, holdout (observational, not causal) */
        get: {
            parameters: {
                query: {
                    pipelineId: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PatternLoopReport"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patterns/mine": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mine a pipeline now (admin); the daily schedule does the same */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        pipelineId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MineResult"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patterns/model-card": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The model card of a pipeline: deals used, time split, out-of-time precision per pattern, days before loss */
        get: {
            parameters: {
                query: {
                    pipelineId: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ModelCard"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/patterns/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Predictive thresholds (current version) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PatternSettingsVersion"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        /** Save a new version of the predictive thresholds (admin) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PatternSettingsInput"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PatternSettingsVersion"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/pipeline-templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The shipped industry templates (YAML files under templates/pipelines) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["PipelineTemplate"][];
                            total: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/pipelines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Pipelines with their stages (readable by everyone) */
        get: {
            parameters: {
                query?: {
                    includeArchived?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Pipeline"][];
                            total: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/pipelines/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One pipeline (by id or key) with its full definition */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Pipeline"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        /** Replace the definition: rename, add, remove, reorder stages, edit gates (admin). Removing a stage that holds deals → 422 */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string;
                        descriptionEn?: string;
                        key: string;
                        name: string;
                        nameEn?: string;
                        stages: {
                            /** @default false */
                            allowSkip?: boolean;
                            cadences?: string[];
                            description?: string;
                            descriptionEn?: string;
                            /**
                             * @default {
                             *       "requiredFields": [],
                             *       "evidence": [],
                             *       "checklist": []
                             *     }
                             */
                            gate?: {
                                approvals?: {
                                    kind: string;
                                    label: string;
                                    labelEn?: string;
                                }[];
                                /** @default [] */
                                checklist?: {
                                    hint?: string;
                                    hintEn?: string;
                                    key: string;
                                    label: string;
                                    labelEn?: string;
                                }[];
                                contract?: {
                                    /** @default signed_contract */
                                    evidenceKind?: string;
                                    /** @default 合同已登记 */
                                    label?: string;
                                    /** @default Contract registered */
                                    labelEn?: string;
                                };
                                /** @default [] */
                                evidence?: {
                                    kind: string;
                                    label: string;
                                    labelEn?: string;
                                    /** @default 1 */
                                    min?: number;
                                }[];
                                /** @default [] */
                                requiredFields?: string[];
                            };
                            key: string;
                            name: string;
                            nameEn?: string;
                            probability: number;
                            sla?: {
                                /** @default false */
                                idle?: boolean;
                                /** @enum {string} */
                                idleFrom?: "customer" | "deal";
                                ladder: {
                                    after: string;
                                    channels?: ("inapp" | "wecom" | "dingtalk" | "feishu" | "email" | "sms")[];
                                    /** @enum {string} */
                                    colour?: "yellow" | "red";
                                    notify: string[];
                                    /** @enum {string} */
                                    require?: "intervention";
                                    /**
                                     * @default entry
                                     * @enum {string}
                                     */
                                    since?: "entry" | "previous_level";
                                }[];
                            };
                            /** @enum {string} */
                            terminal?: "won" | "lost";
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Pipeline"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        post?: never;
        /** Delete a pipeline no deal uses (admin); 409 when deals use it (archive it instead) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Ok"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/pipelines/{id}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Archive a pipeline (admin): hidden from new deals, existing deals unaffected */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Pipeline"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/pipelines/{id}/board": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Kanban: a column per stage with count, amount and the `limit` (default 50) most recently updated deals in your scope; `nextCursor` per column */
        get: {
            parameters: {
                query?: {
                    /** @description cards per column */
                    limit?: number;
                    ownerId?: string;
                    q?: string;
                    /** @description only deals of this team and its sub-teams (within your scope) */
                    teamId?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Board"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/pipelines/{id}/board/columns/{stageKey}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** More cards of one board column (load more): pass the column's `nextCursor` and the board's filters */
        get: {
            parameters: {
                query?: {
                    /** @description `nextCursor` of the column, for the next cards */
                    cursor?: string;
                    /** @description cards per column */
                    limit?: number;
                    ownerId?: string;
                    q?: string;
                    /** @description only deals of this team and its sub-teams (within your scope) */
                    teamId?: string;
                };
                header?: never;
                path: {
                    id: string;
                    stageKey: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BoardColumnPage"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/pipelines/{id}/copy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Copy a pipeline under a new key and name (admin) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        key: string;
                        name: string;
                        nameEn?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Pipeline"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/pipelines/{id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The pipeline definition as YAML (round-trips through import) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The YAML document */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/yaml": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/yaml": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/yaml": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/yaml": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/pipelines/{id}/unarchive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Bring an archived pipeline back (admin) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Pipeline"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/pipelines/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create or update (by key) a pipeline from YAML (admin); invalid YAML → 422 YAML_INVALID with line-precise errors */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": string | {
                        yaml?: string;
                    };
                    "application/x-yaml": string | {
                        yaml?: string;
                    };
                    "application/yaml": string | {
                        yaml?: string;
                    };
                    "text/x-yaml": string | {
                        yaml?: string;
                    };
                    "text/yaml": string | {
                        yaml?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ImportResult"];
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ImportResult"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/pipelines/install": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Install a shipped template as a new pipeline (admin) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        key?: string;
                        name?: string;
                        template: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Pipeline"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/pipelines/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Validate a pipeline YAML document; answers { ok, errors: [{ line, column, path, message }] } */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": string | {
                        yaml?: string;
                    };
                    "application/x-yaml": string | {
                        yaml?: string;
                    };
                    "application/yaml": string | {
                        yaml?: string;
                    };
                    "text/x-yaml": string | {
                        yaml?: string;
                    };
                    "text/yaml": string | {
                        yaml?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            definition?: components["schemas"]["PipelineDefinition"];
                            errors: components["schemas"]["YamlError"][];
                            ok: boolean;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/platforms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** WeCom / DingTalk / Feishu app connections 平台应用 (admin); secrets are write-only */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["PlatformConnection"][];
                            total: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        /** Connect a platform app: WeCom 自建应用 (corpId, agentId, secret), DingTalk 企业内部应用 (appKey, agentId, secret) or Feishu 自建应用 (appId, secret) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default true */
                        enabled?: boolean;
                        name: string;
                        /** @enum {string} */
                        platform: "wecom" | "dingtalk" | "feishu";
                        /** @default {} */
                        secrets?: {
                            callbackToken?: string | null;
                            cardApiSecret?: string | null;
                            encodingAesKey?: string | null;
                            encryptKey?: string | null;
                            secret?: string | null;
                            verificationToken?: string | null;
                        };
                        /** @default {} */
                        settings?: {
                            agentId?: string;
                            apiBaseUrl?: string;
                            appId?: string;
                            appKey?: string;
                            autoCreate?: boolean;
                            /** @enum {string} */
                            autoCreateRole?: "seller" | "lead" | "regional_manager" | "director" | "finance" | "support" | "admin";
                            autoCreateTeamId?: string;
                            baseUrl?: string;
                            cardTemplateId?: string;
                            corpId?: string;
                            loginBaseUrl?: string;
                            notify?: {
                                kinds?: ("sla" | "no_show" | "approval" | "work_order" | "rule" | "import" | "health" | "risk" | "receivable")[];
                                /** @enum {string} */
                                mode: "off" | "also" | "instead";
                            };
                            ratePerMinute?: number | null;
                            signIn?: boolean;
                            sync?: {
                                deactivateLeavers?: boolean;
                                /** @enum {string} */
                                defaultRole?: "seller" | "lead" | "regional_manager" | "director" | "finance" | "support" | "admin";
                                deptTeams?: {
                                    [key: string]: string;
                                };
                                nightly?: boolean;
                                parentTeamId?: string;
                                rootDeptId?: string;
                            };
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PlatformConnection"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/platforms/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One connection (admin) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PlatformConnection"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Remove a connection with its bindings, cards and token */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Ok"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a connection; given secrets replace the stored ones (null removes), settings are replaced as a whole */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        enabled?: boolean;
                        name?: string;
                        secrets?: {
                            callbackToken?: string | null;
                            cardApiSecret?: string | null;
                            encodingAesKey?: string | null;
                            encryptKey?: string | null;
                            secret?: string | null;
                            verificationToken?: string | null;
                        };
                        settings?: {
                            agentId?: string;
                            apiBaseUrl?: string;
                            appId?: string;
                            appKey?: string;
                            autoCreate?: boolean;
                            /** @enum {string} */
                            autoCreateRole?: "seller" | "lead" | "regional_manager" | "director" | "finance" | "support" | "admin";
                            autoCreateTeamId?: string;
                            baseUrl?: string;
                            cardTemplateId?: string;
                            corpId?: string;
                            loginBaseUrl?: string;
                            notify?: {
                                kinds?: ("sla" | "no_show" | "approval" | "work_order" | "rule" | "import" | "health" | "risk" | "receivable")[];
                                /** @enum {string} */
                                mode: "off" | "also" | "instead";
                            };
                            ratePerMinute?: number | null;
                            signIn?: boolean;
                            sync?: {
                                deactivateLeavers?: boolean;
                                /** @enum {string} */
                                defaultRole?: "seller" | "lead" | "regional_manager" | "director" | "finance" | "support" | "admin";
                                deptTeams?: {
                                    [key: string]: string;
                                };
                                nightly?: boolean;
                                parentTeamId?: string;
                                rootDeptId?: string;
                            };
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PlatformConnection"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/platforms/{id}/bindings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Bind a platform member id to a user by hand (admin) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        externalId: string;
                        userId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            connectionId: string;
                            externalId: string;
                            source: string;
                            userId: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/platforms/{id}/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** WeCom URL verification: answers the decrypted echostr when msg_signature verifies */
        get: {
            parameters: {
                query?: {
                    echostr?: string;
                    msg_signature?: string;
                    nonce?: string;
                    signature?: string;
                    timestamp?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        /** Callback address: WeCom/DingTalk encrypted events (msg_signature + AES), Feishu events and card actions (X-Lark-Signature, encrypt key, verification token); card buttons act once */
        post: {
            parameters: {
                query?: {
                    echostr?: string;
                    msg_signature?: string;
                    nonce?: string;
                    signature?: string;
                    timestamp?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": unknown;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/platforms/{id}/card-callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** DingTalk 互动卡片 press (回传请求) at the address registered for the connection’s callbackRouteKey: x-ddpaas-signature verified, acts once, the answer updates the card */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cardData: {
                                cardParamMap: {
                                    [key: string]: string;
                                };
                            };
                            cardUpdateOptions: {
                                updateCardDataByKey: boolean;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/platforms/{id}/jsapi-config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** WeCom JS-SDK signatures (wx.config, wx.agentConfig) for a page URL, so the sidebar can ask the client for the current external contact */
        get: {
            parameters: {
                query: {
                    url: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PlatformJsapiConfig"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/platforms/{id}/sign-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with a code from the platform client (免登: dd.getAuthCode, tt.requestAuthCode) or the OAuth page; sets the session cookie */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                        /**
                         * @default in_client
                         * @enum {string}
                         */
                        mode?: "web" | "in_client";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: components["schemas"]["User"];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/platforms/{id}/sign-in/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** OAuth return address: exchanges the code, starts the session and goes to the app; a refusal goes to the login page with its reason */
        get: {
            parameters: {
                query?: {
                    code?: string;
                    state?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Redirect to the app or the login page */
                302: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": null;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/platforms/{id}/sign-in/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Start the OAuth sign-in: redirects to the platform (inClient=1: the silent in-client 免登 page) */
        get: {
            parameters: {
                query?: {
                    inClient?: "0" | "1";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Redirect to the platform */
                302: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": null;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/platforms/{id}/sync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Contact sync 通讯录同步: departments → teams, members → users; dryRun (default) only plans; overwrite replaces values changed by hand */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default true */
                        dryRun?: boolean;
                        /** @default false */
                        overwrite?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PlatformSyncRun"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/platforms/{id}/sync-runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recent contact-sync runs (admin) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["PlatformSyncRun"][];
                            total: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/platforms/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check the credentials 测试: fetch a fresh access token and report the platform’s answer */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PlatformTestResult"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/platforms/sidebar": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sidebar / workbench: the customer of an external contact (or by id) in my scope, my team and store */
        get: {
            parameters: {
                query?: {
                    connectionId?: string;
                    customerId?: string;
                    externalContactId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            customer: {
                                id: string;
                                level: string | null;
                                name: string;
                                phone: string | null;
                            } | null;
                            me: {
                                id: string;
                                name: string;
                                storeId: string | null;
                                storeName: string | null;
                                teamId: string;
                                teamName: string;
                            };
                            openDeals: {
                                id: string;
                                stageKey: string;
                                title: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/platforms/sidebar/link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Link an external contact id to a customer in my scope */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        connectionId: string;
                        customerId: string;
                        externalContactId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            customer: {
                                id: string;
                                level: string | null;
                                name: string;
                                phone: string | null;
                            } | null;
                            me: {
                                id: string;
                                name: string;
                                storeId: string | null;
                                storeName: string | null;
                                teamId: string;
                                teamName: string;
                            };
                            openDeals: {
                                id: string;
                                stageKey: string;
                                title: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/platforms/sign-in/options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Platforms offered on the login page (enabled connections with sign-in on) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description What the in-client 免登 JSAPI needs: the corp id (WeCom, DingTalk) or the app id (Feishu) */
                                clientId: string | null;
                                id: string;
                                name: string;
                                /** @enum {string} */
                                platform: "wecom" | "dingtalk" | "feishu";
                                startUrl: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/pool": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The customer pool (公海) of my team subtree, with my claim limits */
        get: {
            parameters: {
                query?: {
                    level?: string;
                    page?: number;
                    pageSize?: number;
                    q?: string;
                    sort?: string;
                    teamId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: ({
                                id?: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            total?: number;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/pool/{customerId}/claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Claim a customer from the pool (422 POOL_DAILY_LIMIT / POOL_HOLD_LIMIT over the limits, 409 POOL_NOT_AVAILABLE if taken) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    customerId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            customerId?: string;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/pool/log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every return to and claim from the pool in my team subtree (sellers: their own) */
        get: {
            parameters: {
                query?: {
                    customerId?: string;
                    page?: number;
                    pageSize?: number;
                    q?: string;
                    sort?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: ({
                                id?: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            total?: number;
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/pool/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Pool settings: days per customer level, claim limits, sweep schedule */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PoolSettings"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        /** Change the pool settings (admin) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default 5 */
                        claimsPerDay?: number;
                        /** @default 0 2 * * * */
                        cron?: string;
                        /** @default false */
                        crossTeamClaim?: boolean;
                        /** @default 30 */
                        defaultDays?: number | null;
                        /** @default true */
                        enabled?: boolean;
                        /**
                         * @default {
                         *       "A": 30,
                         *       "B": 20,
                         *       "C": 14
                         *     }
                         */
                        levelDays?: {
                            [key: string]: number;
                        };
                        /** @default 200 */
                        maxHeld?: number;
                        /** @default true */
                        returnInactiveOwners?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PoolSettings"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/pool/sweep": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run the pool sweep now instead of waiting for its schedule (admin) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            returned: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/receivables": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 回款倒计时 The countdown board: open instalments in my scope with days to the effective due date and band (red ≤ 3, yellow 4–7, normal ≥ 8), overdue first */
        get: {
            parameters: {
                query?: {
                    /** @description YYYY-MM-DD, default today (org time zone) */
                    asOf?: string;
                    band?: "red" | "yellow" | "normal" | "overdue";
                    ownerId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            asOf: string;
                            /** @enum {string} */
                            bandBasis: "calendar" | "working";
                            counts: {
                                normal: number;
                                overdue: number;
                                red: number;
                                yellow: number;
                            };
                            items: components["schemas"]["ReceivableRow"][];
                            outstandingFen?: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/receivables/ageing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 应收账龄 Ageing buckets by customer | seller | team, the 90+ share, collected this month per seller, DSO */
        get: {
            parameters: {
                query?: {
                    /** @description YYYY-MM-DD, default today (org time zone) */
                    asOf?: string;
                    groupBy?: "customer" | "seller" | "team";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            asOf: string;
                            collectedThisMonth: {
                                collectedFen?: number;
                                seller: components["schemas"]["UserRef"];
                            }[];
                            dso: {
                                days: number;
                                dso: number | null;
                                receivablesFen?: number;
                                /** @description Contract amounts signed in the 90 days up to asOf */
                                salesFen?: number;
                            };
                            /** @enum {string} */
                            groupBy: "customer" | "seller" | "team";
                            groups: {
                                contracts: number;
                                contractsOver90: number;
                                current?: number;
                                d1_30?: number;
                                d31_60?: number;
                                d61_90?: number;
                                d90_plus?: number;
                                key: string;
                                name: string;
                                totalFen?: number;
                            }[];
                            over90: {
                                /** @description Contracts with any outstanding balance */
                                contracts: number;
                                /** @description … of which any balance is more than 90 days past due */
                                over90: number;
                                share: number | null;
                            };
                            totals: {
                                current?: number;
                                d1_30?: number;
                                d31_60?: number;
                                d61_90?: number;
                                d90_plus?: number;
                                totalFen?: number;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/receivables/ageing/collected": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Drill-down of 本月回款: the payments (reversals negative) received from the 1st of asOf's month to asOf on contracts in scope, of one seller; their amountFen sums to the seller's collectedFen */
        get: {
            parameters: {
                query?: {
                    /** @description YYYY-MM-DD, default today (org time zone) */
                    asOf?: string;
                    /** @description One seller (collected this month); all sellers in scope when absent */
                    sellerId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            asOf: string;
                            /** @description First day counted */
                            from: string;
                            items: components["schemas"]["CollectedPayment"][];
                            sellerId: string | null;
                            /** @description Last day counted (asOf) */
                            to: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/receivables/ageing/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The ageing as .xlsx: the groups, the instalments behind key/bucket (明细), the payments behind collected this month of sellerId (本月回款), the sales behind DSO (DSO销售额) — the same rows as the drill-downs */
        get: {
            parameters: {
                query?: {
                    /** @description YYYY-MM-DD, default today (org time zone) */
                    asOf?: string;
                    /** @description A bucket, or over90 (the 90+ instalments behind the over-90 contracts share); all when absent */
                    bucket?: "current" | "d1_30" | "d31_60" | "d61_90" | "d90_plus" | "over90";
                    groupBy?: "customer" | "seller" | "team";
                    /** @description A group: customer, seller or team id (by groupBy); all groups when absent */
                    key?: string;
                    /** @description One seller (collected this month); all sellers in scope when absent */
                    sellerId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The file (binary) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/receivables/ageing/instalments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Drill-down: the open instalments behind an ageing figure (a group key, a bucket, or over90), each with its outstanding amount; their outstandingFen sums to the figure */
        get: {
            parameters: {
                query?: {
                    /** @description YYYY-MM-DD, default today (org time zone) */
                    asOf?: string;
                    /** @description A bucket, or over90 (the 90+ instalments behind the over-90 contracts share); all when absent */
                    bucket?: "current" | "d1_30" | "d31_60" | "d61_90" | "d90_plus" | "over90";
                    groupBy?: "customer" | "seller" | "team";
                    /** @description A group: customer, seller or team id (by groupBy); all groups when absent */
                    key?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            asOf: string;
                            items: components["schemas"]["AgeingInstalment"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/receivables/ageing/sales": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Drill-down of DSO's sales: the contracts in scope signed in the 90 days up to asOf; their amountFen sums to dso.salesFen */
        get: {
            parameters: {
                query?: {
                    /** @description YYYY-MM-DD, default today (org time zone) */
                    asOf?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            asOf: string;
                            /** @description First day counted */
                            from: string;
                            items: components["schemas"]["DsoSale"][];
                            /** @description Last day counted (asOf) */
                            to: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/receivables/finance-partners": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Finance partner (财务对接人) of every team */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                partner: components["schemas"]["UserRef"] | null;
                                team: {
                                    id: string;
                                    name: string;
                                };
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/receivables/finance-partners/{teamId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set (or clear with null) a team's finance partner: a finance user; sub-teams without one use the nearest ancestor's */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    teamId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        userId: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                partner: components["schemas"]["UserRef"] | null;
                                team: {
                                    id: string;
                                    name: string;
                                };
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/retention-plans/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 挽留计划 A retention plan */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RetentionPlan"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/retention-plans/{id}/file": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** File the plan: every required evidence item must be given (422 GATE_UNMET names the missing ones) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default {} */
                        evidence?: {
                            [key: string]: string;
                        };
                        plan: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RetentionPlan"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/risks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Active risk flags on open deals in your scope (the to-do list and the lead’s view) */
        get: {
            parameters: {
                query?: {
                    ownerId?: string;
                    page?: number;
                    pageSize?: number;
                    pipelineId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RiskFlagList"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Automation rules (admin, director); filter by enabled and trigger type */
        get: {
            parameters: {
                query?: {
                    enabled?: "true" | "false";
                    trigger?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Rule"][];
                            total: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        /** 创建规则 Create a rule (admin); bad conditions or action configs → 400 naming e.g. actions.1.config.title */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        actions: ({
                            config: {
                                body?: string;
                                bodyEn?: string;
                                channels?: ("inapp" | "wecom" | "dingtalk" | "feishu" | "email" | "sms")[];
                                link?: string;
                                recipients: string[];
                                title: string;
                                titleEn?: string;
                            };
                            /** @enum {string} */
                            type: "notify";
                        } | {
                            config: {
                                /** @default owner */
                                assignee?: string;
                                due?: {
                                    hours?: number;
                                    workingDays?: number;
                                };
                                title: string;
                            };
                            /** @enum {string} */
                            type: "create_task";
                        } | {
                            config: {
                                assignee: string;
                                due?: {
                                    hours?: number;
                                    workingDays?: number;
                                };
                                title: string;
                            };
                            /** @enum {string} */
                            type: "create_followup";
                        } | {
                            config: {
                                field: string;
                                value: (string | number) | null;
                            };
                            /** @enum {string} */
                            type: "set_field";
                        } | {
                            config: {
                                event?: string;
                                secret: string;
                                /** Format: uri */
                                url: string;
                            };
                            /** @enum {string} */
                            type: "webhook";
                        } | {
                            config: {
                                cadence: string;
                            };
                            /** @enum {string} */
                            type: "start_cadence";
                        } | {
                            config: {
                                amountFen?: "copy" | number;
                                owner: string;
                                pipeline: string;
                                stage?: string;
                                title: string;
                            };
                            /** @enum {string} */
                            type: "create_followup_deal";
                        } | {
                            config: {
                                description?: string;
                                title: string;
                                type: string;
                            };
                            /** @enum {string} */
                            type: "create_work_order";
                        } | {
                            config: {
                                kind: string;
                            };
                            /** @enum {string} */
                            type: "require_approval";
                        } | {
                            config: {
                                evidence: {
                                    key: string;
                                    name: string;
                                    nameEn?: string;
                                }[];
                                /** @default 3 */
                                workingDays?: number;
                            };
                            /** @enum {string} */
                            type: "require_retention_plan";
                        })[];
                        conditions?: unknown;
                        description?: string;
                        /** @default true */
                        enabled?: boolean;
                        key: string;
                        name: string;
                        nameEn?: string;
                        trigger: {
                            /** @enum {string} */
                            entity: "customer" | "deal" | "activity" | "task";
                            /** @enum {string} */
                            type: "record.created";
                        } | {
                            /** @enum {string} */
                            entity: "customer" | "deal" | "activity" | "task";
                            /** @enum {string} */
                            type: "record.updated";
                        } | {
                            from?: string;
                            pipeline?: string;
                            to?: string;
                            /** @enum {string} */
                            type: "deal.stage_changed";
                        } | {
                            /** @enum {string} */
                            colour?: "yellow" | "red";
                            /** @enum {string} */
                            entity?: "deal" | "task";
                            level?: number | string;
                            /** @enum {string} */
                            type: "sla.level_reached";
                        } | {
                            /** @enum {string} */
                            type: "task.overdue";
                        } | {
                            cron: string;
                            /** @enum {string} */
                            type: "schedule";
                        } | {
                            cooldownDays?: number;
                            /** @enum {string} */
                            from?: "green" | "yellow" | "red";
                            /**
                             * @default colour
                             * @enum {string}
                             */
                            kind?: "colour" | "trend";
                            /** @enum {string} */
                            to?: "green" | "yellow" | "red";
                            /** @enum {string} */
                            type: "customer.health_changed";
                        } | {
                            /** @enum {string} */
                            type: "material.opened";
                        } | {
                            hours: number;
                            /** @enum {string} */
                            type: "material.not_opened";
                        } | {
                            source?: string;
                            /** @enum {string} */
                            type: "risk.matched";
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Rule"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One rule by id or key (webhook secrets masked) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Rule"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a rule and its run log (admin; audited) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description No content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": null;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** 修改规则 Edit a rule (admin): any subset of the definition; null clears optional fields */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        actions?: ({
                            config: {
                                body?: string;
                                bodyEn?: string;
                                channels?: ("inapp" | "wecom" | "dingtalk" | "feishu" | "email" | "sms")[];
                                link?: string;
                                recipients: string[];
                                title: string;
                                titleEn?: string;
                            };
                            /** @enum {string} */
                            type: "notify";
                        } | {
                            config: {
                                /** @default owner */
                                assignee?: string;
                                due?: {
                                    hours?: number;
                                    workingDays?: number;
                                };
                                title: string;
                            };
                            /** @enum {string} */
                            type: "create_task";
                        } | {
                            config: {
                                assignee: string;
                                due?: {
                                    hours?: number;
                                    workingDays?: number;
                                };
                                title: string;
                            };
                            /** @enum {string} */
                            type: "create_followup";
                        } | {
                            config: {
                                field: string;
                                value: (string | number) | null;
                            };
                            /** @enum {string} */
                            type: "set_field";
                        } | {
                            config: {
                                event?: string;
                                secret: string;
                                /** Format: uri */
                                url: string;
                            };
                            /** @enum {string} */
                            type: "webhook";
                        } | {
                            config: {
                                cadence: string;
                            };
                            /** @enum {string} */
                            type: "start_cadence";
                        } | {
                            config: {
                                amountFen?: "copy" | number;
                                owner: string;
                                pipeline: string;
                                stage?: string;
                                title: string;
                            };
                            /** @enum {string} */
                            type: "create_followup_deal";
                        } | {
                            config: {
                                description?: string;
                                title: string;
                                type: string;
                            };
                            /** @enum {string} */
                            type: "create_work_order";
                        } | {
                            config: {
                                kind: string;
                            };
                            /** @enum {string} */
                            type: "require_approval";
                        } | {
                            config: {
                                evidence: {
                                    key: string;
                                    name: string;
                                    nameEn?: string;
                                }[];
                                /** @default 3 */
                                workingDays?: number;
                            };
                            /** @enum {string} */
                            type: "require_retention_plan";
                        })[];
                        conditions?: unknown;
                        description?: string | null;
                        enabled?: boolean;
                        key?: string;
                        name?: string;
                        nameEn?: string | null;
                        trigger?: {
                            /** @enum {string} */
                            entity: "customer" | "deal" | "activity" | "task";
                            /** @enum {string} */
                            type: "record.created";
                        } | {
                            /** @enum {string} */
                            entity: "customer" | "deal" | "activity" | "task";
                            /** @enum {string} */
                            type: "record.updated";
                        } | {
                            from?: string;
                            pipeline?: string;
                            to?: string;
                            /** @enum {string} */
                            type: "deal.stage_changed";
                        } | {
                            /** @enum {string} */
                            colour?: "yellow" | "red";
                            /** @enum {string} */
                            entity?: "deal" | "task";
                            level?: number | string;
                            /** @enum {string} */
                            type: "sla.level_reached";
                        } | {
                            /** @enum {string} */
                            type: "task.overdue";
                        } | {
                            cron: string;
                            /** @enum {string} */
                            type: "schedule";
                        } | {
                            cooldownDays?: number;
                            /** @enum {string} */
                            from?: "green" | "yellow" | "red";
                            /**
                             * @default colour
                             * @enum {string}
                             */
                            kind?: "colour" | "trend";
                            /** @enum {string} */
                            to?: "green" | "yellow" | "red";
                            /** @enum {string} */
                            type: "customer.health_changed";
                        } | {
                            /** @enum {string} */
                            type: "material.opened";
                        } | {
                            hours: number;
                            /** @enum {string} */
                            type: "material.not_opened";
                        } | {
                            source?: string;
                            /** @enum {string} */
                            type: "risk.matched";
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Rule"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/rules/{id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The rule as YAML (round-trips through import) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The YAML document */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/yaml": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/yaml": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/yaml": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/yaml": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/yaml": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rules/{id}/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 执行记录 Runs of a rule, newest first: input, outcome, error, duration */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    status?: "running" | "succeeded" | "failed" | "skipped";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["RuleRun"][];
                            total: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rules/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 导入规则 Create or update (by key) a rule from YAML (admin); invalid YAML → 422 YAML_INVALID with line-precise errors */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": string | {
                        yaml?: string;
                    };
                    "application/x-yaml": string | {
                        yaml?: string;
                    };
                    "application/yaml": string | {
                        yaml?: string;
                    };
                    "text/x-yaml": string | {
                        yaml?: string;
                    };
                    "text/yaml": string | {
                        yaml?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Webhook secrets are masked */
                            actions: components["schemas"]["RuleAction"][];
                            /** @description json-logic condition, null when the rule always runs */
                            conditions: unknown;
                            created: boolean;
                            createdAt: string;
                            createdBy: string | null;
                            description: string | null;
                            enabled: boolean;
                            id: string;
                            key: string;
                            name: string;
                            nameEn: string;
                            trigger: components["schemas"]["RuleTrigger"];
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Webhook secrets are masked */
                            actions: components["schemas"]["RuleAction"][];
                            /** @description json-logic condition, null when the rule always runs */
                            conditions: unknown;
                            created: boolean;
                            createdAt: string;
                            createdBy: string | null;
                            description: string | null;
                            enabled: boolean;
                            id: string;
                            key: string;
                            name: string;
                            nameEn: string;
                            trigger: components["schemas"]["RuleTrigger"];
                            updatedAt: string;
                            version: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/rules/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Validate a rule YAML document; answers { ok, errors: [{ line, column, path, message }] } */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": string | {
                        yaml?: string;
                    };
                    "application/x-yaml": string | {
                        yaml?: string;
                    };
                    "application/yaml": string | {
                        yaml?: string;
                    };
                    "text/x-yaml": string | {
                        yaml?: string;
                    };
                    "text/yaml": string | {
                        yaml?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            definition?: unknown;
                            errors: components["schemas"]["YamlError"][];
                            ok: boolean;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sla/interventions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Needs my intervention 待我介入: what escalated to me, open first */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    status?: "open" | "resolved" | "all";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Intervention"][];
                            /** @description My open interventions */
                            open: number;
                            total: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sla/interventions/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark an intervention done with a note of what was done */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            note: string;
                            resolvedAt: string;
                            resolvedBy: string;
                            /** @enum {string} */
                            status: "resolved";
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sla/state": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** SLA state 时效状态 (on_time / yellow / red, next deadline, level reached) of deals or tasks in my scope */
        get: {
            parameters: {
                query: {
                    ids: string;
                    subject: "deal" | "task";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                sla: {
                                    dueAt: string | null;
                                    level: number;
                                    /** @enum {string} */
                                    state: "on_time" | "yellow" | "red";
                                };
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tasks in my scope; view today|overdue|upcoming (open tasks, org time-zone days) or all; assigneeId=me for my tasks */
        get: {
            parameters: {
                query?: {
                    assigneeId?: string;
                    customerId?: string;
                    dealId?: string;
                    page?: number;
                    pageSize?: number;
                    status?: "open" | "done" | "cancelled";
                    view?: "today" | "overdue" | "upcoming" | "all";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Task"][];
                            total: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        /** Create a task; assignee defaults to me */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        assigneeId?: string;
                        customerId?: string | null;
                        dealId?: string | null;
                        /** Format: date-time */
                        dueAt?: string | null;
                        /**
                         * @default open
                         * @enum {string}
                         */
                        status?: "open" | "done" | "cancelled";
                        title: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Task"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One task */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Task"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a task; status done completes it (task.completed), open reopens it */
        patch: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Retry-safe create: the same key with the same body replays the first answer (Idempotent-Replayed: true); with another body → 422 IDEMPOTENCY_KEY_REUSED; still running → 409 IDEMPOTENCY_IN_PROGRESS. Per user, kept 24 h. */
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        assigneeId?: string;
                        customerId?: string | null;
                        dealId?: string | null;
                        deliverable?: {
                            [key: string]: unknown;
                        };
                        /** Format: date-time */
                        dueAt?: string | null;
                        /** @enum {string} */
                        status?: "open" | "done" | "cancelled";
                        title?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Task"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/teams": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The team tree (company → region → store/team), flat and ordered by path */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Team"][];
                            total: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        /** Create a team (admin) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        kind: "company" | "region" | "store" | "team";
                        name: string;
                        parentId?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Team"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My API tokens (secrets are never shown again) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["ApiToken"][];
                            total: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        /** Create an API token with my scope; the secret is returned once. Roles without the permission (org settings; sellers by default) → 403 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description days until the token stops working; default 90 or the role's maximum if shorter */
                        expiresInDays?: number;
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CreatedApiToken"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API token */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Ok"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Users, filterable by role, team subtree and text */
        get: {
            parameters: {
                query?: {
                    q?: string;
                    role?: "seller" | "lead" | "regional_manager" | "director" | "finance" | "support" | "admin";
                    team?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["User"][];
                            total: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        /** Create a user and place them in a team (admin) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        displayName: string;
                        /** Format: email */
                        email?: string | null;
                        password: string;
                        phone?: string | null;
                        /** @enum {string} */
                        role: "seller" | "lead" | "regional_manager" | "director" | "finance" | "support" | "admin";
                        teamId: string;
                        username: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a user: role, team, contact data, active, password (admin) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        active?: boolean;
                        displayName?: string;
                        /** Format: email */
                        email?: string | null;
                        password?: string;
                        phone?: string | null;
                        /** @enum {string} */
                        role?: "seller" | "lead" | "regional_manager" | "director" | "finance" | "support" | "admin";
                        teamId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/users/{id}/handover": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Hand all of a user’s customers, open deals and open tasks to one or several colleagues; optionally deactivate them */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default false */
                        deactivate?: boolean;
                        /**
                         * @default by_customer
                         * @enum {string}
                         */
                        strategy?: "by_customer" | "round_robin";
                        to: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user?: components["schemas"]["UserRef"];
                        } & {
                            [key: string]: unknown;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/work-order-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Work-order types (active=true for the request form) */
        get: {
            parameters: {
                query?: {
                    active?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["WorkOrderType"][];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        /** Create a work-order type (admin) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default true */
                        active?: boolean;
                        /**
                         * @default [
                         *       {
                         *         "clock": "response",
                         *         "at": 1,
                         *         "notify": [
                         *           "helper"
                         *         ]
                         *       },
                         *       {
                         *         "clock": "resolution",
                         *         "at": 1,
                         *         "notify": [
                         *           "helper",
                         *           "helper.lead"
                         *         ]
                         *       },
                         *       {
                         *         "clock": "resolution",
                         *         "at": 1.5,
                         *         "notify": [
                         *           "department_head"
                         *         ]
                         *       }
                         *     ]
                         */
                        escalation?: {
                            at: number;
                            /** @enum {string} */
                            clock: "response" | "resolution";
                            notify: ("helper" | "helper.lead" | "department_head" | "requester")[];
                        }[];
                        key: string;
                        name: string;
                        nameEn?: string;
                        resolution: string;
                        response: string;
                        team: string;
                        /** @default 0.8 */
                        warnShare?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WorkOrderType"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/work-order-types/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One type by id or key */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WorkOrderType"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        /** Publish a new version of a type (admin); running orders keep theirs */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default true */
                        active?: boolean;
                        /**
                         * @default [
                         *       {
                         *         "clock": "response",
                         *         "at": 1,
                         *         "notify": [
                         *           "helper"
                         *         ]
                         *       },
                         *       {
                         *         "clock": "resolution",
                         *         "at": 1,
                         *         "notify": [
                         *           "helper",
                         *           "helper.lead"
                         *         ]
                         *       },
                         *       {
                         *         "clock": "resolution",
                         *         "at": 1.5,
                         *         "notify": [
                         *           "department_head"
                         *         ]
                         *       }
                         *     ]
                         */
                        escalation?: {
                            at: number;
                            /** @enum {string} */
                            clock: "response" | "resolution";
                            notify: ("helper" | "helper.lead" | "department_head" | "requester")[];
                        }[];
                        key: string;
                        name: string;
                        nameEn?: string;
                        resolution: string;
                        response: string;
                        team: string;
                        /** @default 0.8 */
                        warnShare?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WorkOrderType"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/work-order-types/{id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The type as YAML (round-trips through import) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/yaml": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/yaml": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/yaml": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/yaml": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/yaml": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/work-order-types/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create or update (by key) a type from YAML (admin); invalid → 422 YAML_INVALID with line numbers; an unknown or ambiguous team → 400 naming `team` (not_found_team_named, team_name_ambiguous) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": string | {
                        yaml?: string;
                    };
                    "application/x-yaml": string | {
                        yaml?: string;
                    };
                    "application/yaml": string | {
                        yaml?: string;
                    };
                    "text/x-yaml": string | {
                        yaml?: string;
                    };
                    "text/yaml": string | {
                        yaml?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            active: boolean;
                            created: boolean;
                            escalation: {
                                at: number;
                                /** @enum {string} */
                                clock: "response" | "resolution";
                                notify: ("helper" | "helper.lead" | "department_head" | "requester")[];
                            }[];
                            id: string;
                            key: string;
                            name: string;
                            nameEn: string | null;
                            resolution: string;
                            response: string;
                            team: {
                                id: string;
                                name: string;
                            };
                            updatedAt: string;
                            version: number;
                            warnShare: number;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            active: boolean;
                            created: boolean;
                            escalation: {
                                at: number;
                                /** @enum {string} */
                                clock: "response" | "resolution";
                                notify: ("helper" | "helper.lead" | "department_head" | "requester")[];
                            }[];
                            id: string;
                            key: string;
                            name: string;
                            nameEn: string | null;
                            resolution: string;
                            response: string;
                            team: {
                                id: string;
                                name: string;
                            };
                            updatedAt: string;
                            version: number;
                            warnShare: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/work-order-types/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Validate a type YAML document: { ok, errors: [{ line, column, path, message }] } */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": string | {
                        yaml?: string;
                    };
                    "application/x-yaml": string | {
                        yaml?: string;
                    };
                    "application/yaml": string | {
                        yaml?: string;
                    };
                    "text/x-yaml": string | {
                        yaml?: string;
                    };
                    "text/yaml": string | {
                        yaml?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            definition?: unknown;
                            errors: components["schemas"]["YamlError"][];
                            ok: boolean;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/work-orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 协作工单 Work orders I may see; view mine (I asked) | assigned | queue (mine + unassigned in my team, by due time) */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    pageSize?: number;
                    /** @description Comma-separated statuses; `active` = every status but resolved and closed */
                    status?: string;
                    subjectId?: string;
                    subjectType?: "customer" | "deal" | "contract";
                    type?: string;
                    view?: "all" | "mine" | "assigned" | "queue";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["WorkOrder"][];
                            total: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        /** Request help: a work order of a type on a customer, deal or contract; the caller is the requester */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        assigneeId?: string;
                        description?: string;
                        subject: {
                            id: string;
                            /** @enum {string} */
                            type: "customer" | "deal" | "contract";
                        };
                        title: string;
                        type: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WorkOrderDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/work-orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One work order with its history, comments, escalations and points */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WorkOrderDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change status (helper: in_progress = respond, waiting_requester pauses, resolved; requester: in_progress after supplying, closed, reopened), assignee, rating 1–5 */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        assigneeId?: string;
                        description?: string | null;
                        note?: string;
                        rating?: number;
                        ratingComment?: string;
                        /** @enum {string} */
                        status?: "open" | "assigned" | "in_progress" | "waiting_requester" | "resolved" | "closed" | "reopened";
                        title?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WorkOrderDetail"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/work-orders/{id}/comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Comment on a work order */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        body: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WorkOrderComment"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/work-orders/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per type: orders resolved in a month (org time zone), response/resolution hit and missed, requester waiting time */
        get: {
            parameters: {
                query?: {
                    month?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WorkOrderReport"];
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorResponse"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Activity: {
            contactIds: string[];
            createdAt: string;
            custom: {
                [key: string]: unknown;
            };
            customer: {
                id: string;
                name: string;
            };
            customerId: string;
            deal: {
                id: string;
                title: string;
            } | null;
            dealId: string | null;
            effective: boolean;
            id: string;
            nextAction: string | null;
            nextActionAt: string | null;
            occurredAt: string;
            outcome: string | null;
            owner: components["schemas"]["UserRef"];
            ownerId: string;
            summary: string;
            tags: string[];
            /** @enum {string} */
            type: "call" | "visit" | "wechat" | "email" | "demo" | "materials" | "other";
        };
        ActivityChecklist: {
            items: {
                hint?: string;
                hintEn?: string;
                key: string;
                label: string;
                labelEn?: string;
            }[];
            /** @enum {string} */
            mode: "off" | "require" | "count";
            type: string;
            updatedAt: string | null;
        };
        ActivityChecklistAnswers: {
            answers: {
                [key: string]: unknown;
            };
            complete: boolean;
        } & {
            [key: string]: unknown;
        };
        ActivityChecklistAnswersInput: {
            answers: {
                [key: string]: unknown;
            };
            complete: boolean;
        } & {
            [key: string]: unknown;
        };
        ActivityChecklistInput: {
            items: {
                hint?: string;
                hintEn?: string;
                key: string;
                label: string;
                labelEn?: string;
            }[];
            /** @enum {string} */
            mode: "off" | "require" | "count";
            type: string;
            updatedAt: string | null;
        };
        ActivityInput: {
            contactIds: string[];
            createdAt: string;
            custom: {
                [key: string]: unknown;
            };
            customer: {
                id: string;
                name: string;
            };
            customerId: string;
            deal: {
                id: string;
                title: string;
            } | null;
            dealId: string | null;
            effective: boolean;
            id: string;
            nextAction: string | null;
            nextActionAt: string | null;
            occurredAt: string;
            outcome: string | null;
            owner: components["schemas"]["UserRefInput"];
            ownerId: string;
            summary: string;
            tags: string[];
            /** @enum {string} */
            type: "call" | "visit" | "wechat" | "email" | "demo" | "materials" | "other";
        };
        ActivityTag: {
            active: boolean;
            /**
             * @description action: what was done; need: a customer need / pain point (action consistency compares these)
             * @enum {string}
             */
            category: "action" | "need";
            key: string;
            label: string;
            labelEn: string | null;
            sort: number;
            suggestion: string | null;
            suggestionEn: string | null;
        };
        ActivityTagInput: {
            active: boolean;
            /**
             * @description action: what was done; need: a customer need / pain point (action consistency compares these)
             * @enum {string}
             */
            category: "action" | "need";
            key: string;
            label: string;
            labelEn: string | null;
            sort: number;
            suggestion: string | null;
            suggestionEn: string | null;
        };
        AgeingInstalment: {
            amountFen?: number;
            /**
             * @description red ≤ 3 days to the effective due date (or overdue), yellow 4–7, normal ≥ 8 or paid
             * @enum {string}
             */
            band: "red" | "yellow" | "normal";
            /** @enum {string} */
            bucket: "current" | "d1_30" | "d31_60" | "d61_90" | "d90_plus";
            contract: {
                id: string;
                number: string;
            };
            customer: {
                id: string;
                name: string;
            };
            daysPastDue: number;
            /** @description Days (calendar or working, by setting) to the effective due date; negative when past it */
            daysToDue: number;
            deal: {
                id: string;
                name: string;
            };
            /** @description Contractual due date */
            dueDate: string;
            /** @description Moved onto a working day by the due-date policy (China calendar with 调休) */
            effectiveDueDate: string;
            /** @description When it escalates unless settled first (null: settled or already escalated) */
            escalateAt: string | null;
            escalated: boolean;
            id: string;
            invoiceDate: string | null;
            invoiceNo: string | null;
            /** @enum {string} */
            invoiceStatus: "not_issued" | "issued";
            lastPaidOn: string | null;
            /** @enum {string} */
            method: "wire" | "bank_acceptance" | "commercial_acceptance" | "letter_of_credit" | "cash" | "other";
            outstandingFen?: number;
            owner: components["schemas"]["UserRef"];
            paidFen?: number;
            seq: number;
            /** @description A remainder within tolerance that closed the instalment (短款待核销) */
            shortfallFen?: number;
            /** @enum {string} */
            status: "open" | "partially_paid" | "paid" | "overdue";
            team: {
                id: string;
                name: string;
            };
        };
        AgeingInstalmentInput: {
            amountFen?: number;
            /**
             * @description red ≤ 3 days to the effective due date (or overdue), yellow 4–7, normal ≥ 8 or paid
             * @enum {string}
             */
            band: "red" | "yellow" | "normal";
            /** @enum {string} */
            bucket: "current" | "d1_30" | "d31_60" | "d61_90" | "d90_plus";
            contract: {
                id: string;
                number: string;
            };
            customer: {
                id: string;
                name: string;
            };
            daysPastDue: number;
            /** @description Days (calendar or working, by setting) to the effective due date; negative when past it */
            daysToDue: number;
            deal: {
                id: string;
                name: string;
            };
            /** @description Contractual due date */
            dueDate: string;
            /** @description Moved onto a working day by the due-date policy (China calendar with 调休) */
            effectiveDueDate: string;
            /** @description When it escalates unless settled first (null: settled or already escalated) */
            escalateAt: string | null;
            escalated: boolean;
            id: string;
            invoiceDate: string | null;
            invoiceNo: string | null;
            /** @enum {string} */
            invoiceStatus: "not_issued" | "issued";
            lastPaidOn: string | null;
            /** @enum {string} */
            method: "wire" | "bank_acceptance" | "commercial_acceptance" | "letter_of_credit" | "cash" | "other";
            outstandingFen?: number;
            owner: components["schemas"]["UserRefInput"];
            paidFen?: number;
            seq: number;
            /** @description A remainder within tolerance that closed the instalment (短款待核销) */
            shortfallFen?: number;
            /** @enum {string} */
            status: "open" | "partially_paid" | "paid" | "overdue";
            team: {
                id: string;
                name: string;
            };
        };
        ApiToken: {
            createdAt: string;
            expiresAt: string | null;
            id: string;
            lastUsedAt: string | null;
            name: string;
            revokedAt: string | null;
        };
        ApiTokenInput: {
            createdAt: string;
            expiresAt: string | null;
            id: string;
            lastUsedAt: string | null;
            name: string;
            revokedAt: string | null;
        };
        Appointment: {
            at: string;
            cancelledAt: string | null;
            checkedInAt: string | null;
            checkedInBy: string | null;
            consultant: components["schemas"]["UserRef"];
            createdAt: string;
            createdBy: string | null;
            customer: {
                id: string;
                name: string;
            };
            durationMinutes: number;
            /** @description Who calls the no-show back, once handed over */
            followUp: {
                dueAt: string | null;
                name: string;
                reassignedAt: string | null;
                reassignedBy: string | null;
                taskId: string | null;
                taskStatus: string | null;
                userId: string;
            } | null;
            id: string;
            late: boolean;
            noShowAt: string | null;
            noShowDueAt: string | null;
            note: string | null;
            phone: string;
            /** @enum {string} */
            status: "booked" | "arrived" | "no_show" | "cancelled";
            store: {
                id: string;
                name: string;
            };
        };
        AppointmentInput: {
            at: string;
            cancelledAt: string | null;
            checkedInAt: string | null;
            checkedInBy: string | null;
            consultant: components["schemas"]["UserRefInput"];
            createdAt: string;
            createdBy: string | null;
            customer: {
                id: string;
                name: string;
            };
            durationMinutes: number;
            /** @description Who calls the no-show back, once handed over */
            followUp: {
                dueAt: string | null;
                name: string;
                reassignedAt: string | null;
                reassignedBy: string | null;
                taskId: string | null;
                taskStatus: string | null;
                userId: string;
            } | null;
            id: string;
            late: boolean;
            noShowAt: string | null;
            noShowDueAt: string | null;
            note: string | null;
            phone: string;
            /** @enum {string} */
            status: "booked" | "arrived" | "no_show" | "cancelled";
            store: {
                id: string;
                name: string;
            };
        };
        AppointmentStats: {
            appointments: number;
            arrivals: number;
            cancelled: number;
            consultant: string | null;
            dealsWon: number;
            from: string;
            lateArrivals: number;
            noShowFollowedUp: number;
            noShows: number;
            noShowSecondTouchRate: number | null;
            store: string | null;
            to: string;
        };
        AppointmentStatsInput: {
            appointments: number;
            arrivals: number;
            cancelled: number;
            consultant: string | null;
            dealsWon: number;
            from: string;
            lateArrivals: number;
            noShowFollowedUp: number;
            noShows: number;
            noShowSecondTouchRate: number | null;
            store: string | null;
            to: string;
        };
        Approval: {
            branch: string;
            can: {
                decide: boolean;
                resubmit: boolean;
                withdraw: boolean;
            };
            createdAt: string;
            /** @description idx of the active step; -1 when none */
            currentStep: number;
            decidedAt: string | null;
            envelope: components["schemas"]["ApprovalEnvelope"];
            facts: components["schemas"]["ApprovalFacts"];
            id: string;
            invalidReason: {
                field: string;
                limit: string | number;
                message: string;
                messageEn: string;
                value: string | number;
            } | null;
            kind: string;
            requester: components["schemas"]["UserRef"];
            round: number;
            routeVersion: number;
            /** @enum {string} */
            status: "draft" | "pending" | "approved" | "rejected" | "withdrawn";
            steps: {
                approvers: {
                    comment: string | null;
                    decidedAt: string | null;
                    decidedBy: components["schemas"]["UserRef"] | null;
                    delegate: components["schemas"]["UserRef"] | null;
                    label: string | null;
                    /** @enum {string} */
                    status: "pending" | "approved" | "rejected" | "auto_approved" | "void";
                    user: components["schemas"]["UserRef"];
                }[];
                completedAt: string | null;
                dueAt: string | null;
                fallbackUsed: boolean;
                id: string;
                idx: number;
                /** @enum {string} */
                mode: "any" | "all";
                name: string;
                remindAt: string | null;
                /** @description 0 running, 1 reminded, 2 escalated */
                slaLevel: number;
                startedAt: string | null;
                /** @enum {string} */
                status: "waiting" | "pending" | "approved" | "rejected" | "cancelled";
            }[];
            subject: {
                id: string;
                title: string | null;
                /** @enum {string} */
                type: "deal";
            };
            submittedAt: string | null;
            trail?: {
                action: string;
                actor: components["schemas"]["UserRef"] | null;
                at: string;
                comment: string | null;
                detail: unknown;
                id: string;
                onBehalfOf: components["schemas"]["UserRef"] | null;
                stepIdx: number | null;
            }[];
            updatedAt: string;
            values: {
                [key: string]: unknown;
            };
        };
        ApprovalDelegation: {
            createdAt: string;
            endsOn: string;
            from: components["schemas"]["UserRef"];
            id: string;
            note: string | null;
            revokedAt: string | null;
            startsOn: string;
            to: components["schemas"]["UserRef"];
        };
        ApprovalDelegationInput: {
            createdAt: string;
            endsOn: string;
            from: components["schemas"]["UserRefInput"];
            id: string;
            note: string | null;
            revokedAt: string | null;
            startsOn: string;
            to: components["schemas"]["UserRefInput"];
        };
        ApprovalEnvelope: {
            /** @description fen; hidden from roles that may not see deal amounts */
            listPriceFen?: number;
            /** @description fen; hidden from roles that may not see deal amounts */
            maxAmountFen?: number;
            maxDiscountBp: number;
            paymentTerms: string | null;
            validUntil: string | null;
        };
        ApprovalEnvelopeInput: {
            /** @description fen; hidden from roles that may not see deal amounts */
            listPriceFen?: number;
            /** @description fen; hidden from roles that may not see deal amounts */
            maxAmountFen?: number;
            maxDiscountBp: number;
            paymentTerms: string | null;
            validUntil: string | null;
        };
        ApprovalFacts: {
            /** @description fen; hidden from roles that may not see deal amounts */
            amountFen?: number;
            customerLevel: string | null;
            /** @description Envelope discount, basis points (1200 = 12 %), rounded up */
            discountBp: number;
            /** @description fen; hidden from roles that may not see deal amounts */
            documentDiscountFen?: number;
            /** @description fen; hidden from roles that may not see deal amounts */
            lineDiscountFen?: number;
            /** @description fen; hidden from roles that may not see deal amounts */
            listPriceFen?: number;
            /** @description fen; hidden from roles that may not see deal amounts */
            netPriceFen?: number;
            paymentTerms: string | null;
            pipeline: string | null;
            requestedDiscountBp: number;
        };
        ApprovalFactsInput: {
            /** @description fen; hidden from roles that may not see deal amounts */
            amountFen?: number;
            customerLevel: string | null;
            /** @description Envelope discount, basis points (1200 = 12 %), rounded up */
            discountBp: number;
            /** @description fen; hidden from roles that may not see deal amounts */
            documentDiscountFen?: number;
            /** @description fen; hidden from roles that may not see deal amounts */
            lineDiscountFen?: number;
            /** @description fen; hidden from roles that may not see deal amounts */
            listPriceFen?: number;
            /** @description fen; hidden from roles that may not see deal amounts */
            netPriceFen?: number;
            paymentTerms: string | null;
            pipeline: string | null;
            requestedDiscountBp: number;
        };
        ApprovalInput: {
            branch: string;
            can: {
                decide: boolean;
                resubmit: boolean;
                withdraw: boolean;
            };
            createdAt: string;
            /** @description idx of the active step; -1 when none */
            currentStep: number;
            decidedAt: string | null;
            envelope: components["schemas"]["ApprovalEnvelopeInput"];
            facts: components["schemas"]["ApprovalFactsInput"];
            id: string;
            invalidReason: {
                field: string;
                limit: string | number;
                message: string;
                messageEn: string;
                value: string | number;
            } | null;
            kind: string;
            requester: components["schemas"]["UserRefInput"];
            round: number;
            routeVersion: number;
            /** @enum {string} */
            status: "draft" | "pending" | "approved" | "rejected" | "withdrawn";
            steps: {
                approvers: {
                    comment: string | null;
                    decidedAt: string | null;
                    decidedBy: components["schemas"]["UserRefInput"] | null;
                    delegate: components["schemas"]["UserRefInput"] | null;
                    label: string | null;
                    /** @enum {string} */
                    status: "pending" | "approved" | "rejected" | "auto_approved" | "void";
                    user: components["schemas"]["UserRefInput"];
                }[];
                completedAt: string | null;
                dueAt: string | null;
                fallbackUsed: boolean;
                id: string;
                idx: number;
                /** @enum {string} */
                mode: "any" | "all";
                name: string;
                remindAt: string | null;
                /** @description 0 running, 1 reminded, 2 escalated */
                slaLevel: number;
                startedAt: string | null;
                /** @enum {string} */
                status: "waiting" | "pending" | "approved" | "rejected" | "cancelled";
            }[];
            subject: {
                id: string;
                title: string | null;
                /** @enum {string} */
                type: "deal";
            };
            submittedAt: string | null;
            trail?: {
                action: string;
                actor: components["schemas"]["UserRefInput"] | null;
                at: string;
                comment: string | null;
                detail: unknown;
                id: string;
                onBehalfOf: components["schemas"]["UserRefInput"] | null;
                stepIdx: number | null;
            }[];
            updatedAt: string;
            values: {
                [key: string]: unknown;
            };
        };
        ApprovalRoute: {
            draft: {
                branches: {
                    name: string;
                    nameEn?: string;
                    steps: {
                        approvers: string[];
                        /**
                         * @default [
                         *       "role:admin"
                         *     ]
                         */
                        fallback: string[];
                        /**
                         * @default any
                         * @enum {string}
                         */
                        mode: "any" | "all";
                        name: string;
                        nameEn?: string;
                        /**
                         * @default {
                         *       "hours": 8,
                         *       "remindShare": 0.5
                         *     }
                         */
                        sla: {
                            hours: number;
                            /** @default 0.5 */
                            remindShare: number;
                        };
                    }[];
                    when?: unknown;
                }[];
                kind: string;
                name: string;
                nameEn?: string;
            } | null;
            draftYaml: string | null;
            kind: string;
            name: string;
            published: {
                branches: {
                    name: string;
                    nameEn?: string;
                    steps: {
                        approvers: string[];
                        /**
                         * @default [
                         *       "role:admin"
                         *     ]
                         */
                        fallback: string[];
                        /**
                         * @default any
                         * @enum {string}
                         */
                        mode: "any" | "all";
                        name: string;
                        nameEn?: string;
                        /**
                         * @default {
                         *       "hours": 8,
                         *       "remindShare": 0.5
                         *     }
                         */
                        sla: {
                            hours: number;
                            /** @default 0.5 */
                            remindShare: number;
                        };
                    }[];
                    when?: unknown;
                }[];
                kind: string;
                name: string;
                nameEn?: string;
            } | null;
            publishedVersion: number;
            versions: {
                publishedAt: string;
                publishedBy: components["schemas"]["UserRef"] | null;
                version: number;
            }[];
        };
        ApprovalRouteInput: {
            draft: {
                branches: {
                    name: string;
                    nameEn?: string;
                    steps: {
                        approvers: string[];
                        /**
                         * @default [
                         *       "role:admin"
                         *     ]
                         */
                        fallback: string[];
                        /**
                         * @default any
                         * @enum {string}
                         */
                        mode: "any" | "all";
                        name: string;
                        nameEn?: string;
                        /**
                         * @default {
                         *       "hours": 8,
                         *       "remindShare": 0.5
                         *     }
                         */
                        sla: {
                            hours: number;
                            /** @default 0.5 */
                            remindShare: number;
                        };
                    }[];
                    when?: unknown;
                }[];
                kind: string;
                name: string;
                nameEn?: string;
            } | null;
            draftYaml: string | null;
            kind: string;
            name: string;
            published: {
                branches: {
                    name: string;
                    nameEn?: string;
                    steps: {
                        approvers: string[];
                        /**
                         * @default [
                         *       "role:admin"
                         *     ]
                         */
                        fallback: string[];
                        /**
                         * @default any
                         * @enum {string}
                         */
                        mode: "any" | "all";
                        name: string;
                        nameEn?: string;
                        /**
                         * @default {
                         *       "hours": 8,
                         *       "remindShare": 0.5
                         *     }
                         */
                        sla: {
                            hours: number;
                            /** @default 0.5 */
                            remindShare: number;
                        };
                    }[];
                    when?: unknown;
                }[];
                kind: string;
                name: string;
                nameEn?: string;
            } | null;
            publishedVersion: number;
            versions: {
                publishedAt: string;
                publishedBy: components["schemas"]["UserRefInput"] | null;
                version: number;
            }[];
        };
        AssistLeaderboard: {
            month: string;
            teams: {
                entries: {
                    rank: number;
                    total: number;
                    user: components["schemas"]["UserRef"];
                }[];
                team: {
                    id: string;
                    name: string;
                };
            }[];
        };
        AssistLeaderboardInput: {
            month: string;
            teams: {
                entries: {
                    rank: number;
                    total: number;
                    user: components["schemas"]["UserRefInput"];
                }[];
                team: {
                    id: string;
                    name: string;
                };
            }[];
        };
        AssistPointEntry: {
            at: string;
            id: string;
            /** @enum {string} */
            kind: "grant" | "reversal";
            order: {
                id: string;
                title: string;
            };
            points: number;
            reversesId: string | null;
            ruleKey: string;
            ruleSetVersion: number;
        };
        AssistPointEntryInput: {
            at: string;
            id: string;
            /** @enum {string} */
            kind: "grant" | "reversal";
            order: {
                id: string;
                title: string;
            };
            points: number;
            reversesId: string | null;
            ruleKey: string;
            ruleSetVersion: number;
        };
        AssistPoints: {
            entries: components["schemas"]["AssistPointEntry"][];
            month: string;
            total: number;
            userId: string;
        };
        AssistPointsInput: {
            entries: components["schemas"]["AssistPointEntryInput"][];
            month: string;
            total: number;
            userId: string;
        };
        AssistRuleSet: {
            caps: {
                perHelperWeek: number | null;
                perOrder: number | null;
            };
            createdAt: string | null;
            effectiveFrom: string;
            rules: ({
                key: string;
                kind: string;
                points: number;
            } & {
                [key: string]: unknown;
            })[];
            version: number;
        };
        AssistRuleSetInput: {
            caps: {
                perHelperWeek: number | null;
                perOrder: number | null;
            };
            createdAt: string | null;
            effectiveFrom: string;
            rules: ({
                key: string;
                kind: string;
                points: number;
            } & {
                [key: string]: unknown;
            })[];
            version: number;
        };
        Attachment: {
            createdAt: string;
            /** @enum {string} */
            entity: "customer" | "deal" | "activity" | "work_order" | "contract";
            entityId: string;
            filename: string;
            id: string;
            kind: string;
            mime: string;
            sha256: string;
            size: number;
            uploadedBy: components["schemas"]["UserRef"];
            /** @description Download path of the content */
            url: string;
        };
        AttachmentInput: {
            createdAt: string;
            /** @enum {string} */
            entity: "customer" | "deal" | "activity" | "work_order" | "contract";
            entityId: string;
            filename: string;
            id: string;
            kind: string;
            mime: string;
            sha256: string;
            size: number;
            uploadedBy: components["schemas"]["UserRefInput"];
            /** @description Download path of the content */
            url: string;
        };
        AuditEntry: {
            action: string;
            /** @description null for system actions (rules, jobs, CLI) */
            actor: {
                id: string;
                name: string | null;
            } | null;
            /** @description Changed fields after the change (null on delete) */
            after: unknown;
            at: string;
            /** @description Changed fields before the change (null on create) */
            before: unknown;
            entity: string;
            entityId: string;
            id: string;
        };
        AuditEntryInput: {
            action: string;
            /** @description null for system actions (rules, jobs, CLI) */
            actor: {
                id: string;
                name: string | null;
            } | null;
            /** @description Changed fields after the change (null on delete) */
            after: unknown;
            at: string;
            /** @description Changed fields before the change (null on create) */
            before: unknown;
            entity: string;
            entityId: string;
            id: string;
        };
        Board: {
            columns: {
                amountFen?: number;
                count: number;
                deals: components["schemas"]["Deal"][];
                nextCursor: string | null;
                stageKey: string;
            }[];
            pipeline: {
                id: string;
                key: string;
                name: string;
                nameEn: string;
                stages: components["schemas"]["BoardStage"][];
                version: number;
            };
        };
        BoardColumnPage: {
            deals: components["schemas"]["Deal"][];
            nextCursor: string | null;
            stageKey: string;
        };
        BoardColumnPageInput: {
            deals: components["schemas"]["DealInput"][];
            nextCursor: string | null;
            stageKey: string;
        };
        BoardInput: {
            columns: {
                amountFen?: number;
                count: number;
                deals: components["schemas"]["DealInput"][];
                nextCursor: string | null;
                stageKey: string;
            }[];
            pipeline: {
                id: string;
                key: string;
                name: string;
                nameEn: string;
                stages: components["schemas"]["BoardStageInput"][];
                version: number;
            };
        };
        BoardStage: {
            allowSkip: boolean;
            gate: {
                approvals?: {
                    kind: string;
                    label: string;
                    labelEn?: string;
                }[];
                /** @default [] */
                checklist: {
                    hint?: string;
                    hintEn?: string;
                    key: string;
                    label: string;
                    labelEn?: string;
                }[];
                contract?: {
                    /** @default signed_contract */
                    evidenceKind: string;
                    /** @default 合同已登记 */
                    label: string;
                    /** @default Contract registered */
                    labelEn: string;
                };
                /** @default [] */
                evidence: {
                    kind: string;
                    label: string;
                    labelEn?: string;
                    /** @default 1 */
                    min: number;
                }[];
                /** @default [] */
                requiredFields: string[];
            };
            key: string;
            name: string;
            nameEn: string;
            probability: number;
            /** @enum {string|null} */
            terminal: "won" | "lost" | null;
        };
        BoardStageInput: {
            allowSkip: boolean;
            gate: {
                approvals?: {
                    kind: string;
                    label: string;
                    labelEn?: string;
                }[];
                /** @default [] */
                checklist: {
                    hint?: string;
                    hintEn?: string;
                    key: string;
                    label: string;
                    labelEn?: string;
                }[];
                contract?: {
                    /** @default signed_contract */
                    evidenceKind: string;
                    /** @default 合同已登记 */
                    label: string;
                    /** @default Contract registered */
                    labelEn: string;
                };
                /** @default [] */
                evidence: {
                    kind: string;
                    label: string;
                    labelEn?: string;
                    /** @default 1 */
                    min: number;
                }[];
                /** @default [] */
                requiredFields: string[];
            };
            key: string;
            name: string;
            nameEn: string;
            probability: number;
            /** @enum {string|null} */
            terminal: "won" | "lost" | null;
        };
        Cadence: {
            definition: {
                key: string;
                name: string;
            } & {
                [key: string]: unknown;
            };
            id: string;
            key: string;
            name: string;
            nameEn: string;
            steps: ({
                key: string;
                offset: string;
                title: string;
            } & {
                [key: string]: unknown;
            })[];
            updatedAt: string;
            version: number;
        };
        CadenceInput: {
            definition: {
                key: string;
                name: string;
            } & {
                [key: string]: unknown;
            };
            id: string;
            key: string;
            name: string;
            nameEn: string;
            steps: ({
                key: string;
                offset: string;
                title: string;
            } & {
                [key: string]: unknown;
            })[];
            updatedAt: string;
            version: number;
        };
        CadenceOnTimeAnswer: {
            cadences: {
                cadence: string;
                due: components["schemas"]["MetricCell"];
                late: components["schemas"]["MetricCell"];
                missed: components["schemas"]["MetricCell"];
                onTime: components["schemas"]["MetricCell"];
                /** @description percent, two decimals; null when nothing to divide by */
                rate: number | null;
            }[];
            late: components["schemas"]["MetricCell"];
            missed: components["schemas"]["MetricCell"];
            onTime: components["schemas"]["MetricCell"];
            /** @description percent, two decimals; null when nothing to divide by */
            rate: number | null;
            total: components["schemas"]["MetricCell"];
        };
        CadenceOnTimeAnswerInput: {
            cadences: {
                cadence: string;
                due: components["schemas"]["MetricCellInput"];
                late: components["schemas"]["MetricCellInput"];
                missed: components["schemas"]["MetricCellInput"];
                onTime: components["schemas"]["MetricCellInput"];
                /** @description percent, two decimals; null when nothing to divide by */
                rate: number | null;
            }[];
            late: components["schemas"]["MetricCellInput"];
            missed: components["schemas"]["MetricCellInput"];
            onTime: components["schemas"]["MetricCellInput"];
            /** @description percent, two decimals; null when nothing to divide by */
            rate: number | null;
            total: components["schemas"]["MetricCellInput"];
        };
        CadenceOpenStep: {
            action: string;
            assigneeId: string;
            at: string | null;
            cadence: {
                key: string;
                name: string;
                nameEn: string;
            };
            deal: {
                id: string;
                title: string;
            };
            deliverable: unknown;
            dueAt: string;
            instructions: string | null;
            instructionsEn: string | null;
            /** @description T+<days> or T-<days> */
            offset: string;
            stepKey: string;
            taskId: string;
            template: string | null;
            templateEn: string | null;
            title: string;
            titleEn: string;
            unit: string;
        };
        CadenceOpenStepInput: {
            action: string;
            assigneeId: string;
            at: string | null;
            cadence: {
                key: string;
                name: string;
                nameEn: string;
            };
            deal: {
                id: string;
                title: string;
            };
            deliverable: unknown;
            dueAt: string;
            instructions: string | null;
            instructionsEn: string | null;
            /** @description T+<days> or T-<days> */
            offset: string;
            stepKey: string;
            taskId: string;
            template: string | null;
            templateEn: string | null;
            title: string;
            titleEn: string;
            unit: string;
        };
        CadenceRun: {
            anchorAt: string;
            cadence: {
                key: string;
                name: string;
                nameEn: string;
            };
            endedAt: string | null;
            id: string;
            stageKey: string | null;
            startedAt: string;
            startedBy: string | null;
            status: string;
            steps: {
                action: string;
                at: string | null;
                completedAt: string | null;
                deliverable: unknown;
                deliverableGiven: unknown;
                dueAt: string;
                index: number;
                instructions: string | null;
                instructionsEn: string | null;
                key: string;
                /** @description T+<days> or T-<days> */
                offset: string;
                status: string;
                taskId: string | null;
                template: string | null;
                templateEn: string | null;
                title: string;
                titleEn: string;
                unit: string;
            }[];
            stopReason: string | null;
        };
        CadenceRunInput: {
            anchorAt: string;
            cadence: {
                key: string;
                name: string;
                nameEn: string;
            };
            endedAt: string | null;
            id: string;
            stageKey: string | null;
            startedAt: string;
            startedBy: string | null;
            status: string;
            steps: {
                action: string;
                at: string | null;
                completedAt: string | null;
                deliverable: unknown;
                deliverableGiven: unknown;
                dueAt: string;
                index: number;
                instructions: string | null;
                instructionsEn: string | null;
                key: string;
                /** @description T+<days> or T-<days> */
                offset: string;
                status: string;
                taskId: string | null;
                template: string | null;
                templateEn: string | null;
                title: string;
                titleEn: string;
                unit: string;
            }[];
            stopReason: string | null;
        };
        CadenceStats: {
            byCadence: {
                cadence: string;
                due: number;
                name: string;
                nameEn: string;
                onTime: number;
                rate: number | null;
            }[];
            bySeller: {
                due: number;
                name: string;
                onTime: number;
                rate: number | null;
                userId: string;
            }[];
            from: string;
            overall: {
                due: number;
                onTime: number;
                rate: number | null;
            };
            to: string;
        };
        CadenceStatsInput: {
            byCadence: {
                cadence: string;
                due: number;
                name: string;
                nameEn: string;
                onTime: number;
                rate: number | null;
            }[];
            bySeller: {
                due: number;
                name: string;
                onTime: number;
                rate: number | null;
                userId: string;
            }[];
            from: string;
            overall: {
                due: number;
                onTime: number;
                rate: number | null;
            };
            to: string;
        };
        CallbackDraw: {
            checkerId: string | null;
            createdAt: string;
            id: string;
            items: components["schemas"]["CallbackItem"][];
            month: string;
            population: number;
            seed: string;
            shareBp: number;
            taskId: string | null;
            team: {
                id: string;
                name: string;
            };
        };
        CallbackDrawInput: {
            checkerId: string | null;
            createdAt: string;
            id: string;
            items: components["schemas"]["CallbackItemInput"][];
            month: string;
            population: number;
            seed: string;
            shareBp: number;
            taskId: string | null;
            team: {
                id: string;
                name: string;
            };
        };
        CallbackItem: {
            customer: {
                id: string;
                name: string;
            };
            id: string;
            result: {
                note: string | null;
                recordedAt: string;
                recordedBy: string;
                /** @enum {string} */
                result: "confirmed" | "not_confirmed" | "unreachable";
            } | null;
            seller: components["schemas"]["UserRef"];
            visits: {
                id: string;
                occurredAt: string;
                summary: string;
            }[];
        };
        CallbackItemInput: {
            customer: {
                id: string;
                name: string;
            };
            id: string;
            result: {
                note: string | null;
                recordedAt: string;
                recordedBy: string;
                /** @enum {string} */
                result: "confirmed" | "not_confirmed" | "unreachable";
            } | null;
            seller: components["schemas"]["UserRefInput"];
            visits: {
                id: string;
                occurredAt: string;
                summary: string;
            }[];
        };
        CallbackReportRow: {
            confirmed: number;
            drawn: number;
            flagged: {
                customer: {
                    id: string;
                    name: string;
                };
                itemId: string;
                month: string;
                visitIds: string[];
            }[];
            notConfirmed: number;
            open: number;
            seller: components["schemas"]["UserRef"];
            unreachable: number;
        };
        CallbackReportRowInput: {
            confirmed: number;
            drawn: number;
            flagged: {
                customer: {
                    id: string;
                    name: string;
                };
                itemId: string;
                month: string;
                visitIds: string[];
            }[];
            notConfirmed: number;
            open: number;
            seller: components["schemas"]["UserRefInput"];
            unreachable: number;
        };
        CallbackSetting: {
            checker: components["schemas"]["UserRef"] | null;
            shareBp: number;
            team: {
                id: string;
                name: string;
            } | null;
            teamId: string | null;
        };
        CallbackSettingInput: {
            checker: components["schemas"]["UserRefInput"] | null;
            shareBp: number;
            team: {
                id: string;
                name: string;
            } | null;
            teamId: string | null;
        };
        CallbackVerification: {
            activityId: string;
            month: string;
            recordedAt: string;
            /** @enum {string} */
            result: "confirmed" | "not_confirmed" | "unreachable";
        };
        CallbackVerificationInput: {
            activityId: string;
            month: string;
            recordedAt: string;
            /** @enum {string} */
            result: "confirmed" | "not_confirmed" | "unreachable";
        };
        Channel: {
            createdAt: string;
            enabled: boolean;
            id: string;
            /** @enum {string} */
            kind: "wecom" | "dingtalk" | "feishu" | "email" | "sms";
            /** @description The configured limits capped by the provider’s documented ones */
            limits: {
                perMinute: number | null;
                perSecond: number | null;
            };
            name: string;
            ratePerMinute: number | null;
            ratePerSecond: number | null;
            secretFields: string[];
            /** @description Secrets are write-only: the API only says whether (and which) are stored */
            secretSet: boolean;
            settings: {
                [key: string]: unknown;
            };
            teamId: string | null;
            updatedAt: string;
        };
        ChannelInput: {
            createdAt: string;
            enabled: boolean;
            id: string;
            /** @enum {string} */
            kind: "wecom" | "dingtalk" | "feishu" | "email" | "sms";
            /** @description The configured limits capped by the provider’s documented ones */
            limits: {
                perMinute: number | null;
                perSecond: number | null;
            };
            name: string;
            ratePerMinute: number | null;
            ratePerSecond: number | null;
            secretFields: string[];
            /** @description Secrets are write-only: the API only says whether (and which) are stored */
            secretSet: boolean;
            settings: {
                [key: string]: unknown;
            };
            teamId: string | null;
            updatedAt: string;
        };
        ChannelTestResult: {
            error: string | null;
            ok: boolean;
            response: unknown;
            status: number | null;
        };
        ChannelTestResultInput: {
            error: string | null;
            ok: boolean;
            response: unknown;
            status: number | null;
        };
        ChecklistState: {
            at?: string;
            by?: string | null;
            done: boolean;
            note?: string | null;
        };
        ChecklistStateInput: {
            at?: string;
            by?: string | null;
            done: boolean;
            note?: string | null;
        };
        CollectedPayment: {
            /** @description Negative for a reversal */
            amountFen?: number;
            contract: {
                id: string;
                number: string;
            };
            customer: {
                id: string;
                name: string;
            };
            id: string;
            /** @enum {string} */
            kind: "payment" | "reversal";
            method: string;
            receivedOn: string;
            reference: string | null;
            reversesId: string | null;
            seller: components["schemas"]["UserRef"];
            team: {
                id: string;
                name: string;
            };
        };
        CollectedPaymentInput: {
            /** @description Negative for a reversal */
            amountFen?: number;
            contract: {
                id: string;
                number: string;
            };
            customer: {
                id: string;
                name: string;
            };
            id: string;
            /** @enum {string} */
            kind: "payment" | "reversal";
            method: string;
            receivedOn: string;
            reference: string | null;
            reversesId: string | null;
            seller: components["schemas"]["UserRefInput"];
            team: {
                id: string;
                name: string;
            };
        };
        CompletenessAnswer: {
            stages: {
                fields: {
                    field: string;
                    filled: components["schemas"]["MetricCell"];
                    label: string;
                    labelEn: string;
                    missing: components["schemas"]["MetricCell"];
                    /** @description percent, two decimals; null when nothing to divide by */
                    rate: number | null;
                }[];
                filled: components["schemas"]["MetricCell"];
                /** @description percent, two decimals; null when nothing to divide by */
                rate: number | null;
                required: components["schemas"]["MetricCell"];
                stage: components["schemas"]["MetricStage"];
            }[];
            total: {
                /** @description what `/records?cell=` takes; its total equals value */
                cell: string;
                filled: components["schemas"]["MetricCell"];
                /** @description percent, two decimals; null when nothing to divide by */
                rate: number | null;
                value: number;
            };
        };
        CompletenessAnswerInput: {
            stages: {
                fields: {
                    field: string;
                    filled: components["schemas"]["MetricCellInput"];
                    label: string;
                    labelEn: string;
                    missing: components["schemas"]["MetricCellInput"];
                    /** @description percent, two decimals; null when nothing to divide by */
                    rate: number | null;
                }[];
                filled: components["schemas"]["MetricCellInput"];
                /** @description percent, two decimals; null when nothing to divide by */
                rate: number | null;
                required: components["schemas"]["MetricCellInput"];
                stage: components["schemas"]["MetricStageInput"];
            }[];
            total: {
                /** @description what `/records?cell=` takes; its total equals value */
                cell: string;
                filled: components["schemas"]["MetricCellInput"];
                /** @description percent, two decimals; null when nothing to divide by */
                rate: number | null;
                value: number;
            };
        };
        ConsistencyAnswer: {
            /** @description mean agreement in percent over customers with any tag */
            agreement: number | null;
            /** @description share of tagged customers whose sellers all recorded the same tags */
            agreeRate: number | null;
            /** @description customers logged by ≥ 2 sellers in the period */
            customers: components["schemas"]["MetricCell"];
            states: {
                /** @description what `/records?cell=` takes; its total equals value */
                cell: string;
                /** @enum {string} */
                state: "agree" | "partial" | "disagree" | "untagged";
                value: number;
            }[];
        };
        ConsistencyAnswerInput: {
            /** @description mean agreement in percent over customers with any tag */
            agreement: number | null;
            /** @description share of tagged customers whose sellers all recorded the same tags */
            agreeRate: number | null;
            /** @description customers logged by ≥ 2 sellers in the period */
            customers: components["schemas"]["MetricCellInput"];
            states: {
                /** @description what `/records?cell=` takes; its total equals value */
                cell: string;
                /** @enum {string} */
                state: "agree" | "partial" | "disagree" | "untagged";
                value: number;
            }[];
        };
        Contact: {
            createdAt: string;
            customerId: string;
            /** @enum {string|null} */
            decisionPower: "decision_maker" | "influencer" | "user" | "none" | null;
            email: string | null;
            id: string;
            name: string;
            phone: string | null;
            title: string | null;
            updatedAt: string;
        };
        ContactInput: {
            createdAt: string;
            customerId: string;
            /** @enum {string|null} */
            decisionPower: "decision_maker" | "influencer" | "user" | "none" | null;
            email: string | null;
            id: string;
            name: string;
            phone: string | null;
            title: string | null;
            updatedAt: string;
        };
        Contract: {
            /** @description The 10 latest activities on the deal or the customer, newest first (the morning meeting's communication history) */
            activities: {
                id: string;
                occurredAt: string;
                owner: string | null;
                summary: string;
                type: string;
            }[];
            amountFen?: number;
            /** @description Evidence: the contract's files, then its deal's (a delivery receipt 签收单, gate evidence) */
            attachments: {
                createdAt: string;
                /** @enum {string} */
                entity: "contract" | "deal";
                filename: string;
                id: string;
                kind: string;
            }[];
            claims: components["schemas"]["PaymentClaim"][];
            createdAt: string;
            /** @description The customer's unapplied credit (预收款) */
            creditFen?: number;
            customer: {
                id: string;
                name: string;
            };
            deal: {
                id: string;
                name: string;
            };
            escalations: {
                firedAt: string;
                instalmentId: string;
                outstandingFen?: number;
                taskId: string | null;
                workOrderId: string | null;
            }[];
            id: string;
            instalments: components["schemas"]["Instalment"][];
            note: string | null;
            number: string;
            outstandingFen?: number;
            owner: components["schemas"]["UserRef"];
            paidFen?: number;
            payments: components["schemas"]["Payment"][];
            planVersion: number;
            planVersions: {
                amountFen?: number;
                createdAt: string;
                createdBy: components["schemas"]["UserRef"] | null;
                reason: string | null;
                version: number;
            }[];
            signedAt: string;
            /**
             * @description paid when every instalment is; overdue when any is
             * @enum {string}
             */
            status: "open" | "partially_paid" | "paid" | "overdue";
        };
        ContractInput: {
            /** @description The 10 latest activities on the deal or the customer, newest first (the morning meeting's communication history) */
            activities: {
                id: string;
                occurredAt: string;
                owner: string | null;
                summary: string;
                type: string;
            }[];
            amountFen?: number;
            /** @description Evidence: the contract's files, then its deal's (a delivery receipt 签收单, gate evidence) */
            attachments: {
                createdAt: string;
                /** @enum {string} */
                entity: "contract" | "deal";
                filename: string;
                id: string;
                kind: string;
            }[];
            claims: components["schemas"]["PaymentClaimInput"][];
            createdAt: string;
            /** @description The customer's unapplied credit (预收款) */
            creditFen?: number;
            customer: {
                id: string;
                name: string;
            };
            deal: {
                id: string;
                name: string;
            };
            escalations: {
                firedAt: string;
                instalmentId: string;
                outstandingFen?: number;
                taskId: string | null;
                workOrderId: string | null;
            }[];
            id: string;
            instalments: components["schemas"]["InstalmentInput"][];
            note: string | null;
            number: string;
            outstandingFen?: number;
            owner: components["schemas"]["UserRefInput"];
            paidFen?: number;
            payments: components["schemas"]["PaymentInput"][];
            planVersion: number;
            planVersions: {
                amountFen?: number;
                createdAt: string;
                createdBy: components["schemas"]["UserRefInput"] | null;
                reason: string | null;
                version: number;
            }[];
            signedAt: string;
            /**
             * @description paid when every instalment is; overdue when any is
             * @enum {string}
             */
            status: "open" | "partially_paid" | "paid" | "overdue";
        };
        CreatedApiToken: {
            createdAt: string;
            expiresAt: string;
            id: string;
            name: string;
            token: string;
        };
        CreatedApiTokenInput: {
            createdAt: string;
            expiresAt: string;
            id: string;
            name: string;
            token: string;
        };
        CreatedAppointment: {
            at: string;
            cancelledAt: string | null;
            checkedInAt: string | null;
            checkedInBy: string | null;
            confirmation: {
                params: {
                    [key: string]: unknown;
                };
                queued: boolean;
                template: string;
            };
            consultant: components["schemas"]["UserRef"];
            createdAt: string;
            createdBy: string | null;
            customer: {
                id: string;
                name: string;
            };
            customerCreated: boolean;
            durationMinutes: number;
            /** @description Who calls the no-show back, once handed over */
            followUp: {
                dueAt: string | null;
                name: string;
                reassignedAt: string | null;
                reassignedBy: string | null;
                taskId: string | null;
                taskStatus: string | null;
                userId: string;
            } | null;
            id: string;
            late: boolean;
            noShowAt: string | null;
            noShowDueAt: string | null;
            note: string | null;
            phone: string;
            /** @enum {string} */
            status: "booked" | "arrived" | "no_show" | "cancelled";
            store: {
                id: string;
                name: string;
            };
        };
        CreatedAppointmentInput: {
            at: string;
            cancelledAt: string | null;
            checkedInAt: string | null;
            checkedInBy: string | null;
            confirmation: {
                params: {
                    [key: string]: unknown;
                };
                queued: boolean;
                template: string;
            };
            consultant: components["schemas"]["UserRefInput"];
            createdAt: string;
            createdBy: string | null;
            customer: {
                id: string;
                name: string;
            };
            customerCreated: boolean;
            durationMinutes: number;
            /** @description Who calls the no-show back, once handed over */
            followUp: {
                dueAt: string | null;
                name: string;
                reassignedAt: string | null;
                reassignedBy: string | null;
                taskId: string | null;
                taskStatus: string | null;
                userId: string;
            } | null;
            id: string;
            late: boolean;
            noShowAt: string | null;
            noShowDueAt: string | null;
            note: string | null;
            phone: string;
            /** @enum {string} */
            status: "booked" | "arrived" | "no_show" | "cancelled";
            store: {
                id: string;
                name: string;
            };
        };
        CreatedMaterialLink: {
            expiresAt: string;
            id: string;
            title: string;
            /** @description Opened without a login; every open is recorded */
            url: string;
        };
        CreatedMaterialLinkInput: {
            expiresAt: string;
            id: string;
            title: string;
            /** @description Opened without a login; every open is recorded */
            url: string;
        };
        Customer: {
            createdAt: string;
            creditCode: string | null;
            custom: {
                [key: string]: unknown;
            };
            id: string;
            industry: string | null;
            /** @enum {string} */
            kind: "company" | "person";
            level: string | null;
            name: string;
            owner: components["schemas"]["UserRef"];
            ownerId: string;
            phone: string | null;
            phoneNormalized: string | null;
            region: string | null;
            source: string | null;
            updatedAt: string;
        };
        CustomerAlias: {
            alias: string;
            createdAt: string;
            customerId: string;
            id: string;
        };
        CustomerAliasInput: {
            alias: string;
            createdAt: string;
            customerId: string;
            id: string;
        };
        CustomerDetail: {
            contacts: components["schemas"]["Contact"][];
            counts: {
                activities: number;
                deals: number;
            };
            createdAt: string;
            creditCode: string | null;
            custom: {
                [key: string]: unknown;
            };
            id: string;
            industry: string | null;
            /** @enum {string} */
            kind: "company" | "person";
            level: string | null;
            name: string;
            owner: components["schemas"]["UserRef"];
            ownerId: string;
            phone: string | null;
            phoneNormalized: string | null;
            region: string | null;
            source: string | null;
            updatedAt: string;
        };
        CustomerDetailInput: {
            contacts: components["schemas"]["ContactInput"][];
            counts: {
                activities: number;
                deals: number;
            };
            createdAt: string;
            creditCode: string | null;
            custom: {
                [key: string]: unknown;
            };
            id: string;
            industry: string | null;
            /** @enum {string} */
            kind: "company" | "person";
            level: string | null;
            name: string;
            owner: components["schemas"]["UserRefInput"];
            ownerId: string;
            phone: string | null;
            phoneNormalized: string | null;
            region: string | null;
            source: string | null;
            updatedAt: string;
        };
        CustomerHealth: {
            /** @enum {string|null} */
            colour: "green" | "yellow" | "red" | "grey" | null;
            computedAt: string | null;
            contributions: {
                amount: boolean;
                contribution: number;
                dimension: string;
                group: string;
                missingSince: string | null;
                name: string;
                nameEn: string | null;
                normalized: number | null;
                raw?: number | null;
                /** @enum {string} */
                status: "ok" | "stale" | "missing" | "not_applicable";
                weight: number;
            }[];
            coverage: number | null;
            customerId: string;
            history: {
                at: string;
                /** @enum {string} */
                colour: "green" | "yellow" | "red" | "grey";
                coverage: number;
                modelVersion: number;
                reason: string | null;
                score: number;
                trendAlert: boolean;
            }[];
            modelVersion: number | null;
            moved: {
                dimensions: {
                    after: number;
                    before: number;
                    delta: number;
                    dimension: string;
                    name: string;
                }[];
                scoreDelta: number | null;
                since: string | null;
            };
            pending: {
                colour: string;
                count: number;
            } | null;
            retentionPlans: components["schemas"]["RetentionPlan"][];
            score: number | null;
            trendAlert: boolean;
        };
        CustomerHealthInput: {
            /** @enum {string|null} */
            colour: "green" | "yellow" | "red" | "grey" | null;
            computedAt: string | null;
            contributions: {
                amount: boolean;
                contribution: number;
                dimension: string;
                group: string;
                missingSince: string | null;
                name: string;
                nameEn: string | null;
                normalized: number | null;
                raw?: number | null;
                /** @enum {string} */
                status: "ok" | "stale" | "missing" | "not_applicable";
                weight: number;
            }[];
            coverage: number | null;
            customerId: string;
            history: {
                at: string;
                /** @enum {string} */
                colour: "green" | "yellow" | "red" | "grey";
                coverage: number;
                modelVersion: number;
                reason: string | null;
                score: number;
                trendAlert: boolean;
            }[];
            modelVersion: number | null;
            moved: {
                dimensions: {
                    after: number;
                    before: number;
                    delta: number;
                    dimension: string;
                    name: string;
                }[];
                scoreDelta: number | null;
                since: string | null;
            };
            pending: {
                colour: string;
                count: number;
            } | null;
            retentionPlans: components["schemas"]["RetentionPlanInput"][];
            score: number | null;
            trendAlert: boolean;
        };
        CustomerHealthItem: {
            /** @enum {string} */
            colour: "green" | "yellow" | "red" | "grey";
            computedAt: string;
            customerId: string;
            modelVersion: number;
            name: string;
            score: number;
            trendAlert: boolean;
        };
        CustomerHealthItemInput: {
            /** @enum {string} */
            colour: "green" | "yellow" | "red" | "grey";
            computedAt: string;
            customerId: string;
            modelVersion: number;
            name: string;
            score: number;
            trendAlert: boolean;
        };
        CustomerInput: {
            createdAt: string;
            creditCode: string | null;
            custom: {
                [key: string]: unknown;
            };
            id: string;
            industry: string | null;
            /** @enum {string} */
            kind: "company" | "person";
            level: string | null;
            name: string;
            owner: components["schemas"]["UserRefInput"];
            ownerId: string;
            phone: string | null;
            phoneNormalized: string | null;
            region: string | null;
            source: string | null;
            updatedAt: string;
        };
        CustomField: {
            /** @enum {string} */
            entity: "customer" | "deal" | "activity";
            id: string;
            key: string;
            label: string;
            labelEn: string | null;
            options: {
                label: string;
                labelEn?: string;
                value: string;
            }[];
            required: boolean;
            /** @enum {string} */
            type: "text" | "number" | "money" | "date" | "select" | "multiselect" | "user" | "attachment";
        };
        CustomFieldInput: {
            /** @enum {string} */
            entity: "customer" | "deal" | "activity";
            id: string;
            key: string;
            label: string;
            labelEn: string | null;
            options: {
                label: string;
                labelEn?: string;
                value: string;
            }[];
            required: boolean;
            /** @enum {string} */
            type: "text" | "number" | "money" | "date" | "select" | "multiselect" | "user" | "attachment";
        };
        DashboardSubscription: {
            channels: string[];
            cron: string;
            enabled: boolean;
            filters: {
                industry?: string;
                level?: string;
                ownerId?: string;
                pipelineId?: string;
                region?: string;
                source?: string;
                teamId?: string;
            };
            id: string;
            metrics: ("funnel" | "dwell" | "stalled" | "saturation" | "timeliness" | "cadence_ontime" | "completeness" | "idi" | "loss_matrix" | "win_rate" | "lead_quality" | "heatmap" | "consistency")[];
            name: string;
            nextRunAt: string | null;
            timeZone: string;
            updatedAt: string;
            userId: string;
        };
        DashboardSubscriptionInput: {
            channels: string[];
            cron: string;
            enabled: boolean;
            filters: {
                industry?: string;
                level?: string;
                ownerId?: string;
                pipelineId?: string;
                region?: string;
                source?: string;
                teamId?: string;
            };
            id: string;
            metrics: ("funnel" | "dwell" | "stalled" | "saturation" | "timeliness" | "cadence_ontime" | "completeness" | "idi" | "loss_matrix" | "win_rate" | "lead_quality" | "heatmap" | "consistency")[];
            name: string;
            nextRunAt: string | null;
            timeZone: string;
            updatedAt: string;
            userId: string;
        };
        Deal: {
            /** @description Left out for roles that may not see amounts (support) */
            amountFen?: number;
            checklist: {
                [key: string]: components["schemas"]["ChecklistState"];
            };
            createdAt: string;
            custom: {
                [key: string]: unknown;
            };
            customer: {
                id: string;
                name: string;
            };
            customerId: string;
            expectedCloseDate: string | null;
            id: string;
            lostAt: string | null;
            /** @description key of the lost_reason dictionary while the deal is lost */
            lostReason: string | null;
            owner: components["schemas"]["UserRef"];
            ownerId: string;
            pipeline: {
                id: string;
                key: string;
                name: string;
                nameEn: string;
            } | null;
            pipelineId: string;
            stage: {
                key: string;
                name: string;
                nameEn: string;
                probability: number | null;
                /** @enum {string|null} */
                terminal: "won" | "lost" | null;
            };
            stageEnteredAt: string;
            stageKey: string;
            /** @enum {string} */
            status: "open" | "won" | "lost";
            title: string;
            updatedAt: string;
        };
        DealAttention: {
            /** @description Absent for roles that may not see amounts */
            amountFen?: number;
            /** @description Whole days since overdueSince */
            daysOverdue: number | null;
            dealId: string;
            lastEffectiveActivity: {
                id: string;
                occurredAt: string;
                summary: string;
                type: string;
            } | null;
            /** @description When the current stage's clock first fired (its first level's due time) */
            overdueSince: string | null;
            stage: {
                key: string;
                name: string;
                nameEn: string;
            };
        };
        DealAttentionInput: {
            /** @description Absent for roles that may not see amounts */
            amountFen?: number;
            /** @description Whole days since overdueSince */
            daysOverdue: number | null;
            dealId: string;
            lastEffectiveActivity: {
                id: string;
                occurredAt: string;
                summary: string;
                type: string;
            } | null;
            /** @description When the current stage's clock first fired (its first level's due time) */
            overdueSince: string | null;
            stage: {
                key: string;
                name: string;
                nameEn: string;
            };
        };
        DealDetail: {
            /** @description Left out for roles that may not see amounts (support) */
            amountFen?: number;
            checklist: {
                [key: string]: components["schemas"]["ChecklistState"];
            };
            createdAt: string;
            custom: {
                [key: string]: unknown;
            };
            customer: {
                id: string;
                name: string;
            };
            customerId: string;
            /** @description Attachments on the deal by evidence kind */
            evidence: {
                [key: string]: number;
            };
            expectedCloseDate: string | null;
            gate: {
                stageKey: string;
                unmet: components["schemas"]["UnmetItem"][];
            };
            history: components["schemas"]["StageHistory"][];
            id: string;
            lostAt: string | null;
            /** @description key of the lost_reason dictionary while the deal is lost */
            lostReason: string | null;
            owner: components["schemas"]["UserRef"];
            ownerId: string;
            pipeline: {
                id: string;
                key: string;
                name: string;
                nameEn: string;
            } | null;
            pipelineId: string;
            stage: {
                key: string;
                name: string;
                nameEn: string;
                probability: number | null;
                /** @enum {string|null} */
                terminal: "won" | "lost" | null;
            };
            stageEnteredAt: string;
            stageKey: string;
            /** @enum {string} */
            status: "open" | "won" | "lost";
            title: string;
            updatedAt: string;
        };
        DealDetailInput: {
            /** @description Left out for roles that may not see amounts (support) */
            amountFen?: number;
            checklist: {
                [key: string]: components["schemas"]["ChecklistStateInput"];
            };
            createdAt: string;
            custom: {
                [key: string]: unknown;
            };
            customer: {
                id: string;
                name: string;
            };
            customerId: string;
            /** @description Attachments on the deal by evidence kind */
            evidence: {
                [key: string]: number;
            };
            expectedCloseDate: string | null;
            gate: {
                stageKey: string;
                unmet: components["schemas"]["UnmetItemInput"][];
            };
            history: components["schemas"]["StageHistoryInput"][];
            id: string;
            lostAt: string | null;
            /** @description key of the lost_reason dictionary while the deal is lost */
            lostReason: string | null;
            owner: components["schemas"]["UserRefInput"];
            ownerId: string;
            pipeline: {
                id: string;
                key: string;
                name: string;
                nameEn: string;
            } | null;
            pipelineId: string;
            stage: {
                key: string;
                name: string;
                nameEn: string;
                probability: number | null;
                /** @enum {string|null} */
                terminal: "won" | "lost" | null;
            };
            stageEnteredAt: string;
            stageKey: string;
            /** @enum {string} */
            status: "open" | "won" | "lost";
            title: string;
            updatedAt: string;
        };
        DealInput: {
            /** @description Left out for roles that may not see amounts (support) */
            amountFen?: number;
            checklist: {
                [key: string]: components["schemas"]["ChecklistStateInput"];
            };
            createdAt: string;
            custom: {
                [key: string]: unknown;
            };
            customer: {
                id: string;
                name: string;
            };
            customerId: string;
            expectedCloseDate: string | null;
            id: string;
            lostAt: string | null;
            /** @description key of the lost_reason dictionary while the deal is lost */
            lostReason: string | null;
            owner: components["schemas"]["UserRefInput"];
            ownerId: string;
            pipeline: {
                id: string;
                key: string;
                name: string;
                nameEn: string;
            } | null;
            pipelineId: string;
            stage: {
                key: string;
                name: string;
                nameEn: string;
                probability: number | null;
                /** @enum {string|null} */
                terminal: "won" | "lost" | null;
            };
            stageEnteredAt: string;
            stageKey: string;
            /** @enum {string} */
            status: "open" | "won" | "lost";
            title: string;
            updatedAt: string;
        };
        DealRisks: {
            items: components["schemas"]["RiskFlag"][];
            /**
             * @description rules: the pipeline is below the data threshold (cold start)
             * @enum {string}
             */
            mode: "patterns" | "rules";
        };
        DealRisksInput: {
            items: components["schemas"]["RiskFlagInput"][];
            /**
             * @description rules: the pipeline is below the data threshold (cold start)
             * @enum {string}
             */
            mode: "patterns" | "rules";
        };
        DealSettings: {
            lostConfirmAboveFen: number | null;
            updatedAt: string | null;
        };
        DealSettingsInput: {
            lostConfirmAboveFen: number | null;
            updatedAt: string | null;
        };
        DictionaryEntry: {
            active: boolean;
            aliases: string[];
            id: string;
            key: string;
            kind: string;
            label: string;
            labelEn: string | null;
            parentKey: string | null;
            sort: number;
        };
        DictionaryEntryInput: {
            active: boolean;
            aliases: string[];
            id: string;
            key: string;
            kind: string;
            label: string;
            labelEn: string | null;
            parentKey: string | null;
            sort: number;
        };
        Digest: {
            /** @description The figures of the day per consultant (see DigestContent in digests/content.ts) */
            content: {
                [key: string]: unknown;
            };
            date: string;
            deliveries: {
                channelId: string | null;
                channelName: string | null;
                kind: string;
                lastError: string | null;
                sentAt: string | null;
                status: string;
            }[];
            id: string;
            late: boolean;
            markdown: {
                en?: {
                    body: string;
                    title: string;
                };
                "zh-CN"?: {
                    body: string;
                    title: string;
                };
            };
            scheduledFor: string;
            sentAt: string;
            slot: string;
            /** @enum {string} */
            status: "sent" | "late";
            teamId: string;
        };
        DigestInput: {
            /** @description The figures of the day per consultant (see DigestContent in digests/content.ts) */
            content: {
                [key: string]: unknown;
            };
            date: string;
            deliveries: {
                channelId: string | null;
                channelName: string | null;
                kind: string;
                lastError: string | null;
                sentAt: string | null;
                status: string;
            }[];
            id: string;
            late: boolean;
            markdown: {
                en?: {
                    body: string;
                    title: string;
                };
                "zh-CN"?: {
                    body: string;
                    title: string;
                };
            };
            scheduledFor: string;
            sentAt: string;
            slot: string;
            /** @enum {string} */
            status: "sent" | "late";
            teamId: string;
        };
        DrillItem: {
            amountFen?: number | null;
            at: string | null;
            customer: {
                id: string;
                name: string;
            } | null;
            /** @description working days */
            daysInStage: number | null;
            dealId: string | null;
            detail: string | null;
            dims: {
                [key: string]: string;
            };
            /** @description deal | stay | gate | step | timer | activity | customer */
            kind: string;
            lastEffectiveAt: string | null;
            link: string;
            owner: components["schemas"]["UserRef"] | null;
            recordId: string;
            stage: {
                key: string;
                name: string;
                nameEn: string;
            } | null;
            status: string | null;
            title: string;
        };
        DrillItemInput: {
            amountFen?: number | null;
            at: string | null;
            customer: {
                id: string;
                name: string;
            } | null;
            /** @description working days */
            daysInStage: number | null;
            dealId: string | null;
            detail: string | null;
            dims: {
                [key: string]: string;
            };
            /** @description deal | stay | gate | step | timer | activity | customer */
            kind: string;
            lastEffectiveAt: string | null;
            link: string;
            owner: components["schemas"]["UserRefInput"] | null;
            recordId: string;
            stage: {
                key: string;
                name: string;
                nameEn: string;
            } | null;
            status: string | null;
            title: string;
        };
        DsoSale: {
            amountFen?: number;
            contract: {
                id: string;
                number: string;
            };
            customer: {
                id: string;
                name: string;
            };
            deal: {
                id: string;
                name: string;
            };
            owner: components["schemas"]["UserRef"];
            signedAt: string;
            team: {
                id: string;
                name: string;
            };
        };
        DsoSaleInput: {
            amountFen?: number;
            contract: {
                id: string;
                number: string;
            };
            customer: {
                id: string;
                name: string;
            };
            deal: {
                id: string;
                name: string;
            };
            owner: components["schemas"]["UserRefInput"];
            signedAt: string;
            team: {
                id: string;
                name: string;
            };
        };
        DuplicateOwner: {
            id: string;
            name: string;
            team: {
                id: string;
                name: string;
            } | null;
        };
        DuplicateOwnerInput: {
            id: string;
            name: string;
            team: {
                id: string;
                name: string;
            } | null;
        };
        DwellAnswer: {
            stages: {
                completed: components["schemas"]["MetricCell"];
                kmMedian: number | null;
                median: number | null;
                open: components["schemas"]["MetricCell"];
                p90: number | null;
                sellers: {
                    completed: components["schemas"]["MetricCell"];
                    kmMedian: number | null;
                    median: number | null;
                    open: components["schemas"]["MetricCell"];
                    owner: {
                        id: string;
                        name: string;
                    };
                }[];
                stage: components["schemas"]["MetricStage"];
            }[];
            /** @enum {string} */
            unit: "working_days";
        };
        DwellAnswerInput: {
            stages: {
                completed: components["schemas"]["MetricCellInput"];
                kmMedian: number | null;
                median: number | null;
                open: components["schemas"]["MetricCellInput"];
                p90: number | null;
                sellers: {
                    completed: components["schemas"]["MetricCellInput"];
                    kmMedian: number | null;
                    median: number | null;
                    open: components["schemas"]["MetricCellInput"];
                    owner: {
                        id: string;
                        name: string;
                    };
                }[];
                stage: components["schemas"]["MetricStageInput"];
            }[];
            /** @enum {string} */
            unit: "working_days";
        };
        EffectRule: {
            counts: ("delivered_info" | "probed_need" | "advanced_decision" | "none")[];
            updatedAt: string | null;
        };
        EffectRuleInput: {
            counts: ("delivered_info" | "probed_need" | "advanced_decision" | "none")[];
            updatedAt: string | null;
        };
        ErrorResponse: {
            error: {
                /** @enum {string} */
                code: "VALIDATION_FAILED" | "UNAUTHENTICATED" | "BAD_CREDENTIALS" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "DUPLICATE_CUSTOMER" | "SWEEP_RUNNING" | "IDEMPOTENCY_IN_PROGRESS" | "IDEMPOTENCY_KEY_REUSED" | "POOL_NOT_AVAILABLE" | "POOL_DAILY_LIMIT" | "POOL_HOLD_LIMIT" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "GATE_UNMET" | "SKIP_NOT_ALLOWED" | "INVALID_STATE" | "YAML_INVALID" | "DELIVERABLE_MISSING" | "CHECKLIST_INCOMPLETE" | "RATE_LIMITED" | "URI_TOO_LONG" | "HEADERS_TOO_LARGE" | "REQUEST_TIMEOUT" | "PLAN_MISMATCH" | "INTERNAL";
                /** @description DUPLICATE_CUSTOMER, POOL_NOT_AVAILABLE: id of the matched customer */
                customer?: string;
                /** @description DUPLICATE_CUSTOMER: name of the matched customer */
                customerName?: string;
                /** @description YAML_INVALID: line-precise errors of the document */
                errors?: {
                    column: number;
                    line: number;
                    message: string;
                    path: string;
                }[];
                fields?: components["schemas"]["FieldError"][];
                /** @description DUPLICATE_CUSTOMER: the matched customer is in the pool (claim it instead) */
                inPool?: boolean;
                /** @description DUPLICATE_CUSTOMER: the fields that matched */
                matchedOn?: ("phone" | "name" | "creditCode")[];
                /** @description In the caller’s language: Accept-Language, Chinese unless English is preferred */
                message: string;
                /** @description DUPLICATE_CUSTOMER: who owns the matched customer */
                owner?: components["schemas"]["DuplicateOwner"];
                /** @description Values the message is built from */
                params?: {
                    [key: string]: string | number;
                };
                /** @description A finer code than `code` when there is one (shared/messages.ts REASON_MESSAGES) */
                reason?: string;
                /** @description GATE_UNMET: the stage whose exit gate is unmet */
                stageKey?: string;
                /** @description SKIP_NOT_ALLOWED, INVALID_STATE: the stages at fault */
                stages?: string[];
                /** @description GATE_UNMET, CHECKLIST_INCOMPLETE, DELIVERABLE_MISSING: what is missing */
                unmet?: components["schemas"]["UnmetItem"][];
                /**
                 * @description DUPLICATE_CUSTOMER: what the caller can do — claim it from the pool, or request a transfer
                 * @enum {string}
                 */
                wayForward?: "none" | "claim" | "transfer";
                /** @description DUPLICATE_CUSTOMER: the matched customer is already the caller’s */
                yours?: boolean;
            } & {
                [key: string]: unknown;
            };
        };
        ErrorResponseInput: {
            error: {
                /** @enum {string} */
                code: "VALIDATION_FAILED" | "UNAUTHENTICATED" | "BAD_CREDENTIALS" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "DUPLICATE_CUSTOMER" | "SWEEP_RUNNING" | "IDEMPOTENCY_IN_PROGRESS" | "IDEMPOTENCY_KEY_REUSED" | "POOL_NOT_AVAILABLE" | "POOL_DAILY_LIMIT" | "POOL_HOLD_LIMIT" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE" | "GATE_UNMET" | "SKIP_NOT_ALLOWED" | "INVALID_STATE" | "YAML_INVALID" | "DELIVERABLE_MISSING" | "CHECKLIST_INCOMPLETE" | "RATE_LIMITED" | "URI_TOO_LONG" | "HEADERS_TOO_LARGE" | "REQUEST_TIMEOUT" | "PLAN_MISMATCH" | "INTERNAL";
                /** @description DUPLICATE_CUSTOMER, POOL_NOT_AVAILABLE: id of the matched customer */
                customer?: string;
                /** @description DUPLICATE_CUSTOMER: name of the matched customer */
                customerName?: string;
                /** @description YAML_INVALID: line-precise errors of the document */
                errors?: {
                    column: number;
                    line: number;
                    message: string;
                    path: string;
                }[];
                fields?: components["schemas"]["FieldErrorInput"][];
                /** @description DUPLICATE_CUSTOMER: the matched customer is in the pool (claim it instead) */
                inPool?: boolean;
                /** @description DUPLICATE_CUSTOMER: the fields that matched */
                matchedOn?: ("phone" | "name" | "creditCode")[];
                /** @description In the caller’s language: Accept-Language, Chinese unless English is preferred */
                message: string;
                /** @description DUPLICATE_CUSTOMER: who owns the matched customer */
                owner?: components["schemas"]["DuplicateOwnerInput"];
                /** @description Values the message is built from */
                params?: {
                    [key: string]: string | number;
                };
                /** @description A finer code than `code` when there is one (shared/messages.ts REASON_MESSAGES) */
                reason?: string;
                /** @description GATE_UNMET: the stage whose exit gate is unmet */
                stageKey?: string;
                /** @description SKIP_NOT_ALLOWED, INVALID_STATE: the stages at fault */
                stages?: string[];
                /** @description GATE_UNMET, CHECKLIST_INCOMPLETE, DELIVERABLE_MISSING: what is missing */
                unmet?: components["schemas"]["UnmetItemInput"][];
                /**
                 * @description DUPLICATE_CUSTOMER: what the caller can do — claim it from the pool, or request a transfer
                 * @enum {string}
                 */
                wayForward?: "none" | "claim" | "transfer";
                /** @description DUPLICATE_CUSTOMER: the matched customer is already the caller’s */
                yours?: boolean;
            } & {
                [key: string]: unknown;
            };
        };
        FieldError: {
            code: string;
            field: string;
            message: string;
            params?: {
                [key: string]: string | number;
            };
        };
        FieldErrorInput: {
            code: string;
            field: string;
            message: string;
            params?: {
                [key: string]: string | number;
            };
        };
        FunnelAnswer: {
            cohort: {
                /** @description percent, two decimals; null when nothing to divide by */
                conversionLater: number | null;
                /** @description percent, two decimals; null when nothing to divide by */
                conversionNext: number | null;
                entered: components["schemas"]["MetricCell"];
                lost: components["schemas"]["MetricCell"];
                next: components["schemas"]["MetricCell"];
                open: components["schemas"]["MetricCell"];
                skipped: {
                    /** @description what `/records?cell=` takes; its total equals value */
                    cell: string;
                    reasons: {
                        /** @description what `/records?cell=` takes; its total equals value */
                        cell: string;
                        reason: string;
                        value: number;
                    }[];
                    value: number;
                };
                stage: components["schemas"]["MetricStage"];
                wentOn: components["schemas"]["MetricCell"];
                won: components["schemas"]["MetricCell"];
            }[];
            pipeline: {
                id: string;
                key: string;
                name: string;
            };
            snapshot: {
                amountFen?: number;
                label: {
                    en: string;
                    zh: string;
                };
                stages: {
                    amountFen?: number;
                    deals: components["schemas"]["MetricCell"];
                    probability: number;
                    stage: components["schemas"]["MetricStage"];
                    weightedFen?: number;
                }[];
                total: components["schemas"]["MetricCell"];
                weightedFen?: number;
            };
        };
        FunnelAnswerInput: {
            cohort: {
                /** @description percent, two decimals; null when nothing to divide by */
                conversionLater: number | null;
                /** @description percent, two decimals; null when nothing to divide by */
                conversionNext: number | null;
                entered: components["schemas"]["MetricCellInput"];
                lost: components["schemas"]["MetricCellInput"];
                next: components["schemas"]["MetricCellInput"];
                open: components["schemas"]["MetricCellInput"];
                skipped: {
                    /** @description what `/records?cell=` takes; its total equals value */
                    cell: string;
                    reasons: {
                        /** @description what `/records?cell=` takes; its total equals value */
                        cell: string;
                        reason: string;
                        value: number;
                    }[];
                    value: number;
                };
                stage: components["schemas"]["MetricStageInput"];
                wentOn: components["schemas"]["MetricCellInput"];
                won: components["schemas"]["MetricCellInput"];
            }[];
            pipeline: {
                id: string;
                key: string;
                name: string;
            };
            snapshot: {
                amountFen?: number;
                label: {
                    en: string;
                    zh: string;
                };
                stages: {
                    amountFen?: number;
                    deals: components["schemas"]["MetricCellInput"];
                    probability: number;
                    stage: components["schemas"]["MetricStageInput"];
                    weightedFen?: number;
                }[];
                total: components["schemas"]["MetricCellInput"];
                weightedFen?: number;
            };
        };
        HealthModelVersion: {
            createdAt: string;
            createdBy: string | null;
            definition: {
                bands: {
                    green: number;
                    yellow: number;
                };
                /** @default 0.6 */
                coverageFloor: number;
                groups: {
                    dimensions: {
                        key: string;
                        name: string;
                        nameEn?: string;
                        normalize: {
                            /** @default false */
                            percentile: boolean;
                            points: (number)[][];
                        };
                        /** @default [] */
                        notApplicableFor: string[];
                        source: {
                            field: string;
                            map?: {
                                [key: string]: number;
                            };
                            /** @enum {string} */
                            type: "field";
                        } | {
                            /** @default 365 */
                            days: number;
                            /** @enum {string} */
                            measure: "won_amount" | "product_lines";
                            /** @enum {string} */
                            type: "deals";
                        } | {
                            /** @default 90 */
                            days: number;
                            /** @default false */
                            effectiveOnly: boolean;
                            /** @enum {string} */
                            type: "activities";
                            types?: string[];
                        } | {
                            /** @enum {string} */
                            type: "work_orders";
                        } | {
                            /** @default 0 */
                            graceWorkingDays: number;
                            /** @enum {string} */
                            type: "on_time_payment_rate";
                        };
                        weight: number;
                    }[];
                    key: string;
                    name: string;
                    nameEn?: string;
                    weight: number;
                }[];
                /**
                 * @default {
                 *       "points": 5,
                 *       "computations": 3
                 *     }
                 */
                hysteresis: {
                    computations: number;
                    points: number;
                };
                /** @default 7 */
                missingDays: number;
                name: string;
                nameEn?: string;
                segmentBy?: string;
                severeBelow?: number;
                trend?: {
                    days: number;
                    drop: number;
                };
            };
            firePlaybooks: boolean;
            name: string;
            version: number;
        };
        HealthModelVersionInput: {
            createdAt: string;
            createdBy: string | null;
            definition: {
                bands: {
                    green: number;
                    yellow: number;
                };
                /** @default 0.6 */
                coverageFloor: number;
                groups: {
                    dimensions: {
                        key: string;
                        name: string;
                        nameEn?: string;
                        normalize: {
                            /** @default false */
                            percentile: boolean;
                            points: (number)[][];
                        };
                        /** @default [] */
                        notApplicableFor: string[];
                        source: {
                            field: string;
                            map?: {
                                [key: string]: number;
                            };
                            /** @enum {string} */
                            type: "field";
                        } | {
                            /** @default 365 */
                            days: number;
                            /** @enum {string} */
                            measure: "won_amount" | "product_lines";
                            /** @enum {string} */
                            type: "deals";
                        } | {
                            /** @default 90 */
                            days: number;
                            /** @default false */
                            effectiveOnly: boolean;
                            /** @enum {string} */
                            type: "activities";
                            types?: string[];
                        } | {
                            /** @enum {string} */
                            type: "work_orders";
                        } | {
                            /** @default 0 */
                            graceWorkingDays: number;
                            /** @enum {string} */
                            type: "on_time_payment_rate";
                        };
                        weight: number;
                    }[];
                    key: string;
                    name: string;
                    nameEn?: string;
                    weight: number;
                }[];
                /**
                 * @default {
                 *       "points": 5,
                 *       "computations": 3
                 *     }
                 */
                hysteresis: {
                    computations: number;
                    points: number;
                };
                /** @default 7 */
                missingDays: number;
                name: string;
                nameEn?: string;
                segmentBy?: string;
                severeBelow?: number;
                trend?: {
                    days: number;
                    drop: number;
                };
            };
            firePlaybooks: boolean;
            name: string;
            version: number;
        };
        HeatmapAnswer: {
            cells: {
                average: number | null;
                /** @description what `/records?cell=` takes; its total equals value */
                cell: string;
                owner: {
                    id: string;
                    name: string;
                };
                stage: string;
                value: number;
            }[];
            stages: components["schemas"]["MetricStage"][];
            /** @enum {string} */
            unit: "working_days";
            unusedCustomFields: {
                entity: string;
                key: string;
                label: string;
                labelEn: string | null;
            }[];
            /** @description active activity tags no activity carries */
            unusedTags: {
                key: string;
                label: string;
                labelEn: string | null;
            }[];
        };
        HeatmapAnswerInput: {
            cells: {
                average: number | null;
                /** @description what `/records?cell=` takes; its total equals value */
                cell: string;
                owner: {
                    id: string;
                    name: string;
                };
                stage: string;
                value: number;
            }[];
            stages: components["schemas"]["MetricStageInput"][];
            /** @enum {string} */
            unit: "working_days";
            unusedCustomFields: {
                entity: string;
                key: string;
                label: string;
                labelEn: string | null;
            }[];
            /** @description active activity tags no activity carries */
            unusedTags: {
                key: string;
                label: string;
                labelEn: string | null;
            }[];
        };
        IdiAnswer: {
            benchmark: number;
            sellers: {
                customers: number;
                idi: number | null;
                interactions: components["schemas"]["MetricCell"];
                owner: {
                    id: string;
                    name: string;
                };
                team: {
                    id: string;
                    name: string;
                };
            }[];
            teams: {
                customers: number;
                idi: number | null;
                interactions: components["schemas"]["MetricCell"];
                team: {
                    id: string;
                    name: string;
                };
            }[];
            total: {
                /** @description what `/records?cell=` takes; its total equals value */
                cell: string;
                customers: number;
                idi: number | null;
                value: number;
            };
            weeks: number;
        };
        IdiAnswerInput: {
            benchmark: number;
            sellers: {
                customers: number;
                idi: number | null;
                interactions: components["schemas"]["MetricCellInput"];
                owner: {
                    id: string;
                    name: string;
                };
                team: {
                    id: string;
                    name: string;
                };
            }[];
            teams: {
                customers: number;
                idi: number | null;
                interactions: components["schemas"]["MetricCellInput"];
                team: {
                    id: string;
                    name: string;
                };
            }[];
            total: {
                /** @description what `/records?cell=` takes; its total equals value */
                cell: string;
                customers: number;
                idi: number | null;
                value: number;
            };
            weeks: number;
        };
        Import: {
            appliedRows: number;
            by: components["schemas"]["UserRef"] | null;
            byName: string;
            cancelRequested: boolean;
            committedAt: string | null;
            counts: components["schemas"]["ImportCounts"];
            createdAt: string;
            /** @enum {string|null} */
            encoding: "utf8" | "gb18030" | null;
            error: string | null;
            fileName: string;
            fileSize: number;
            /** @enum {string} */
            format: "xlsx" | "csv";
            headers: string[];
            id: string;
            /** @enum {string} */
            kind: "customers" | "deals" | "activities" | "contracts";
            mapping: (string | null)[] | null;
            options: {
                defaultOwnerId: string | null;
                duplicates: string;
                mode: string;
                perRowEvents: boolean;
            };
            result: components["schemas"]["ImportCounts"] | null;
            /** @enum {string} */
            status: "uploaded" | "validating" | "validated" | "committing" | "committed" | "cancelled" | "failed" | "undone";
            totalRows: number;
            undo: {
                conflictRows: {
                    customerId: string;
                    name: string;
                    /** @enum {string} */
                    reason: "changed_since" | "has_work" | "gone";
                    row: number;
                }[];
                conflicts: number;
                deleted: number;
                restored: number;
            } | null;
            undoneAt: string | null;
            updatedAt: string;
            validatedAt: string | null;
            validatedRows: number;
        };
        ImportCounts: {
            conflicts: number;
            created: number;
            denied: number;
            errors: number;
            skipped: number;
            unchanged: number;
            updated: number;
        };
        ImportCountsInput: {
            conflicts: number;
            created: number;
            denied: number;
            errors: number;
            skipped: number;
            unchanged: number;
            updated: number;
        };
        ImportInput: {
            appliedRows: number;
            by: components["schemas"]["UserRefInput"] | null;
            byName: string;
            cancelRequested: boolean;
            committedAt: string | null;
            counts: components["schemas"]["ImportCountsInput"];
            createdAt: string;
            /** @enum {string|null} */
            encoding: "utf8" | "gb18030" | null;
            error: string | null;
            fileName: string;
            fileSize: number;
            /** @enum {string} */
            format: "xlsx" | "csv";
            headers: string[];
            id: string;
            /** @enum {string} */
            kind: "customers" | "deals" | "activities" | "contracts";
            mapping: (string | null)[] | null;
            options: {
                defaultOwnerId: string | null;
                duplicates: string;
                mode: string;
                perRowEvents: boolean;
            };
            result: components["schemas"]["ImportCountsInput"] | null;
            /** @enum {string} */
            status: "uploaded" | "validating" | "validated" | "committing" | "committed" | "cancelled" | "failed" | "undone";
            totalRows: number;
            undo: {
                conflictRows: {
                    customerId: string;
                    name: string;
                    /** @enum {string} */
                    reason: "changed_since" | "has_work" | "gone";
                    row: number;
                }[];
                conflicts: number;
                deleted: number;
                restored: number;
            } | null;
            undoneAt: string | null;
            updatedAt: string;
            validatedAt: string | null;
            validatedRows: number;
        };
        ImportPreset: {
            createdAt: string;
            id: string;
            mapping: {
                [key: string]: string;
            };
            name: string;
            signature: string;
            updatedAt: string;
        };
        ImportPresetInput: {
            createdAt: string;
            id: string;
            mapping: {
                [key: string]: string;
            };
            name: string;
            signature: string;
            updatedAt: string;
        };
        ImportResult: {
            created: boolean;
            id: string;
            key: string;
        };
        ImportResultInput: {
            created: boolean;
            id: string;
            key: string;
        };
        ImportRow: {
            cells: string[] | null;
            name: string | null;
            outcome: string | null;
            problems: {
                code: string;
                column: string | null;
                field: string;
                message: string;
                params?: {
                    [key: string]: string | number;
                };
            }[];
            row: number;
            targetId: string | null;
            /** @enum {string} */
            verdict: "create" | "update" | "unchanged" | "skip" | "conflict" | "denied" | "error";
        };
        ImportRowInput: {
            cells: string[] | null;
            name: string | null;
            outcome: string | null;
            problems: {
                code: string;
                column: string | null;
                field: string;
                message: string;
                params?: {
                    [key: string]: string | number;
                };
            }[];
            row: number;
            targetId: string | null;
            /** @enum {string} */
            verdict: "create" | "update" | "unchanged" | "skip" | "conflict" | "denied" | "error";
        };
        ImportUpload: {
            fields: {
                custom: boolean;
                field: string;
                label: string;
                labelEn: string;
            }[];
            import: components["schemas"]["Import"];
            preset: {
                id: string;
                name: string;
            } | null;
            preview: {
                cells: string[];
                row: number;
            }[];
            suggested: (string | null)[];
        };
        ImportUploadInput: {
            fields: {
                custom: boolean;
                field: string;
                label: string;
                labelEn: string;
            }[];
            import: components["schemas"]["ImportInput"];
            preset: {
                id: string;
                name: string;
            } | null;
            preview: {
                cells: string[];
                row: number;
            }[];
            suggested: (string | null)[];
        };
        Inbox: {
            items: components["schemas"]["Notification"][];
            total: number;
            unread: number;
        };
        InboxInput: {
            items: components["schemas"]["NotificationInput"][];
            total: number;
            unread: number;
        };
        Instalment: {
            amountFen?: number;
            /**
             * @description red ≤ 3 days to the effective due date (or overdue), yellow 4–7, normal ≥ 8 or paid
             * @enum {string}
             */
            band: "red" | "yellow" | "normal";
            daysPastDue: number;
            /** @description Days (calendar or working, by setting) to the effective due date; negative when past it */
            daysToDue: number;
            /** @description Contractual due date */
            dueDate: string;
            /** @description Moved onto a working day by the due-date policy (China calendar with 调休) */
            effectiveDueDate: string;
            /** @description When it escalates unless settled first (null: settled or already escalated) */
            escalateAt: string | null;
            escalated: boolean;
            id: string;
            invoiceDate: string | null;
            invoiceNo: string | null;
            /** @enum {string} */
            invoiceStatus: "not_issued" | "issued";
            lastPaidOn: string | null;
            /** @enum {string} */
            method: "wire" | "bank_acceptance" | "commercial_acceptance" | "letter_of_credit" | "cash" | "other";
            outstandingFen?: number;
            paidFen?: number;
            seq: number;
            /** @description A remainder within tolerance that closed the instalment (短款待核销) */
            shortfallFen?: number;
            /** @enum {string} */
            status: "open" | "partially_paid" | "paid" | "overdue";
        };
        InstalmentInput: {
            amountFen?: number;
            /**
             * @description red ≤ 3 days to the effective due date (or overdue), yellow 4–7, normal ≥ 8 or paid
             * @enum {string}
             */
            band: "red" | "yellow" | "normal";
            daysPastDue: number;
            /** @description Days (calendar or working, by setting) to the effective due date; negative when past it */
            daysToDue: number;
            /** @description Contractual due date */
            dueDate: string;
            /** @description Moved onto a working day by the due-date policy (China calendar with 调休) */
            effectiveDueDate: string;
            /** @description When it escalates unless settled first (null: settled or already escalated) */
            escalateAt: string | null;
            escalated: boolean;
            id: string;
            invoiceDate: string | null;
            invoiceNo: string | null;
            /** @enum {string} */
            invoiceStatus: "not_issued" | "issued";
            lastPaidOn: string | null;
            /** @enum {string} */
            method: "wire" | "bank_acceptance" | "commercial_acceptance" | "letter_of_credit" | "cash" | "other";
            outstandingFen?: number;
            paidFen?: number;
            seq: number;
            /** @description A remainder within tolerance that closed the instalment (短款待核销) */
            shortfallFen?: number;
            /** @enum {string} */
            status: "open" | "partially_paid" | "paid" | "overdue";
        };
        Intervention: {
            colour: string;
            createdAt: string;
            id: string;
            kind: string;
            level: number;
            note: string | null;
            /** @description Owner of the deal or assignee of the task */
            owner: components["schemas"]["UserRef"] | null;
            resolvedAt: string | null;
            stageKey: string | null;
            /** @enum {string} */
            status: "open" | "resolved";
            /** @description Whether the clock behind it still runs (false once the deal moved on or the task was done) */
            stillEscalating: boolean;
            subject: {
                id: string;
                link: string;
                title: string | null;
                type: string;
            };
        };
        InterventionInput: {
            colour: string;
            createdAt: string;
            id: string;
            kind: string;
            level: number;
            note: string | null;
            /** @description Owner of the deal or assignee of the task */
            owner: components["schemas"]["UserRefInput"] | null;
            resolvedAt: string | null;
            stageKey: string | null;
            /** @enum {string} */
            status: "open" | "resolved";
            /** @description Whether the clock behind it still runs (false once the deal moved on or the task was done) */
            stillEscalating: boolean;
            subject: {
                id: string;
                link: string;
                title: string | null;
                type: string;
            };
        };
        LeadAssignmentSettings: {
            rules?: {
                [key: string]: unknown;
            }[];
        } & {
            [key: string]: unknown;
        };
        LeadAssignmentSettingsInput: {
            rules?: {
                [key: string]: unknown;
            }[];
        } & {
            [key: string]: unknown;
        };
        LeadQualityAnswer: {
            sources: {
                /** @description percent, two decimals; null when nothing to divide by */
                conversion: number | null;
                deals: components["schemas"]["MetricCell"];
                lost: components["schemas"]["MetricCell"];
                open: components["schemas"]["MetricCell"];
                source: string;
                won: components["schemas"]["MetricCell"];
                wonAmountFen?: number;
            }[];
            total: components["schemas"]["MetricCell"];
        };
        LeadQualityAnswerInput: {
            sources: {
                /** @description percent, two decimals; null when nothing to divide by */
                conversion: number | null;
                deals: components["schemas"]["MetricCellInput"];
                lost: components["schemas"]["MetricCellInput"];
                open: components["schemas"]["MetricCellInput"];
                source: string;
                won: components["schemas"]["MetricCellInput"];
                wonAmountFen?: number;
            }[];
            total: components["schemas"]["MetricCellInput"];
        };
        LoggedActivity: {
            checklist?: components["schemas"]["ActivityChecklistAnswers"];
            contactIds: string[];
            createdAt: string;
            custom: {
                [key: string]: unknown;
            };
            customer: {
                id: string;
                name: string;
            };
            customerId: string;
            deal: {
                id: string;
                title: string;
            } | null;
            dealId: string | null;
            /**
             * @description auto: linked to the customer's only open deal; ask: several open deals, see openDeals
             * @enum {string}
             */
            dealLink: "given" | "auto" | "ask" | "none";
            /** @enum {string} */
            effect: "delivered_info" | "probed_need" | "advanced_decision" | "none";
            effective: boolean;
            /**
             * @description why it counts as effective or what would make it count (needs_next_action: add a next action)
             * @enum {string}
             */
            effectiveReason: "counts" | "needs_next_action" | "marked_none" | "effect_not_counted" | "checklist_incomplete";
            id: string;
            nextAction: string | null;
            nextActionAt: string | null;
            occurredAt: string;
            openDeals: {
                id: string;
                stageKey: string;
                title: string;
            }[];
            outcome: string | null;
            owner: components["schemas"]["UserRef"];
            ownerId: string;
            summary: string;
            tags: string[];
            task: components["schemas"]["Task"] | null;
            /** @enum {string} */
            type: "call" | "visit" | "wechat" | "email" | "demo" | "materials" | "other";
        };
        LoggedActivityInput: {
            checklist?: components["schemas"]["ActivityChecklistAnswersInput"];
            contactIds: string[];
            createdAt: string;
            custom: {
                [key: string]: unknown;
            };
            customer: {
                id: string;
                name: string;
            };
            customerId: string;
            deal: {
                id: string;
                title: string;
            } | null;
            dealId: string | null;
            /**
             * @description auto: linked to the customer's only open deal; ask: several open deals, see openDeals
             * @enum {string}
             */
            dealLink: "given" | "auto" | "ask" | "none";
            /** @enum {string} */
            effect: "delivered_info" | "probed_need" | "advanced_decision" | "none";
            effective: boolean;
            /**
             * @description why it counts as effective or what would make it count (needs_next_action: add a next action)
             * @enum {string}
             */
            effectiveReason: "counts" | "needs_next_action" | "marked_none" | "effect_not_counted" | "checklist_incomplete";
            id: string;
            nextAction: string | null;
            nextActionAt: string | null;
            occurredAt: string;
            openDeals: {
                id: string;
                stageKey: string;
                title: string;
            }[];
            outcome: string | null;
            owner: components["schemas"]["UserRefInput"];
            ownerId: string;
            summary: string;
            tags: string[];
            task: components["schemas"]["TaskInput"] | null;
            /** @enum {string} */
            type: "call" | "visit" | "wechat" | "email" | "demo" | "materials" | "other";
        };
        LossMatrixAnswer: {
            /** @description lost deals by lost reason (dictionary key; empty for deals lost before reasons were required) */
            reasons: {
                /** @description what `/records?cell=` takes; its total equals value */
                cell: string;
                reason: string;
                value: number;
            }[];
            rows: {
                cells: {
                    lost: components["schemas"]["MetricCell"];
                    /** @description percent, two decimals; null when nothing to divide by */
                    rate: number | null;
                    reached: components["schemas"]["MetricCell"];
                    stage: string;
                }[];
                lost: components["schemas"]["MetricCell"];
                segment: string;
            }[];
            segment: string;
            stages: components["schemas"]["MetricStage"][];
            total: components["schemas"]["MetricCell"];
        };
        LossMatrixAnswerInput: {
            /** @description lost deals by lost reason (dictionary key; empty for deals lost before reasons were required) */
            reasons: {
                /** @description what `/records?cell=` takes; its total equals value */
                cell: string;
                reason: string;
                value: number;
            }[];
            rows: {
                cells: {
                    lost: components["schemas"]["MetricCellInput"];
                    /** @description percent, two decimals; null when nothing to divide by */
                    rate: number | null;
                    reached: components["schemas"]["MetricCellInput"];
                    stage: string;
                }[];
                lost: components["schemas"]["MetricCellInput"];
                segment: string;
            }[];
            segment: string;
            stages: components["schemas"]["MetricStageInput"][];
            total: components["schemas"]["MetricCellInput"];
        };
        MaterialLink: {
            activityId: string | null;
            attachmentId: string | null;
            createdAt: string;
            customerId: string;
            expiresAt: string;
            id: string;
            lastOpenedAt: string | null;
            opens: number;
            ownerId: string;
            revokedAt: string | null;
            /** @description Sum of the approximate time on page the viewer reported */
            secondsOnPage: number | null;
            /** @enum {string} */
            status: "active" | "expired" | "revoked";
            /** @description 客户已打开方案 2 次，最近 12-03 10:14 */
            summary: {
                en: string;
                zh: string;
            };
            title: string;
            /** @description The web address a URL link redirects to (null for an attachment) */
            url: string | null;
        };
        MaterialLinkDetail: {
            activityId: string | null;
            attachmentId: string | null;
            createdAt: string;
            customerId: string;
            expiresAt: string;
            id: string;
            lastOpenedAt: string | null;
            openings: {
                at: string;
                device: string;
                secondsOnPage: number | null;
            }[];
            opens: number;
            ownerId: string;
            revokedAt: string | null;
            /** @description Sum of the approximate time on page the viewer reported */
            secondsOnPage: number | null;
            /** @enum {string} */
            status: "active" | "expired" | "revoked";
            /** @description 客户已打开方案 2 次，最近 12-03 10:14 */
            summary: {
                en: string;
                zh: string;
            };
            title: string;
            /** @description The web address a URL link redirects to (null for an attachment) */
            url: string | null;
        };
        MaterialLinkDetailInput: {
            activityId: string | null;
            attachmentId: string | null;
            createdAt: string;
            customerId: string;
            expiresAt: string;
            id: string;
            lastOpenedAt: string | null;
            openings: {
                at: string;
                device: string;
                secondsOnPage: number | null;
            }[];
            opens: number;
            ownerId: string;
            revokedAt: string | null;
            /** @description Sum of the approximate time on page the viewer reported */
            secondsOnPage: number | null;
            /** @enum {string} */
            status: "active" | "expired" | "revoked";
            /** @description 客户已打开方案 2 次，最近 12-03 10:14 */
            summary: {
                en: string;
                zh: string;
            };
            title: string;
            /** @description The web address a URL link redirects to (null for an attachment) */
            url: string | null;
        };
        MaterialLinkInput: {
            activityId: string | null;
            attachmentId: string | null;
            createdAt: string;
            customerId: string;
            expiresAt: string;
            id: string;
            lastOpenedAt: string | null;
            opens: number;
            ownerId: string;
            revokedAt: string | null;
            /** @description Sum of the approximate time on page the viewer reported */
            secondsOnPage: number | null;
            /** @enum {string} */
            status: "active" | "expired" | "revoked";
            /** @description 客户已打开方案 2 次，最近 12-03 10:14 */
            summary: {
                en: string;
                zh: string;
            };
            title: string;
            /** @description The web address a URL link redirects to (null for an attachment) */
            url: string | null;
        };
        MetricAnswer: {
            answer: components["schemas"]["FunnelAnswer"];
            asOf: string;
            explain: {
                en: string;
                zh: string;
            };
            filters: components["schemas"]["MetricFilters"];
            /** @enum {string} */
            name: "funnel";
            /** @enum {string} */
            scope: "all" | "subtree" | "own";
            timeZone: string;
            title: {
                en: string;
                zh: string;
            };
        } | {
            answer: components["schemas"]["DwellAnswer"];
            asOf: string;
            explain: {
                en: string;
                zh: string;
            };
            filters: components["schemas"]["MetricFilters"];
            /** @enum {string} */
            name: "dwell";
            /** @enum {string} */
            scope: "all" | "subtree" | "own";
            timeZone: string;
            title: {
                en: string;
                zh: string;
            };
        } | {
            answer: components["schemas"]["StalledAnswer"];
            asOf: string;
            explain: {
                en: string;
                zh: string;
            };
            filters: components["schemas"]["MetricFilters"];
            /** @enum {string} */
            name: "stalled";
            /** @enum {string} */
            scope: "all" | "subtree" | "own";
            timeZone: string;
            title: {
                en: string;
                zh: string;
            };
        } | {
            answer: components["schemas"]["SaturationAnswer"];
            asOf: string;
            explain: {
                en: string;
                zh: string;
            };
            filters: components["schemas"]["MetricFilters"];
            /** @enum {string} */
            name: "saturation";
            /** @enum {string} */
            scope: "all" | "subtree" | "own";
            timeZone: string;
            title: {
                en: string;
                zh: string;
            };
        } | {
            answer: components["schemas"]["TimelinessAnswer"];
            asOf: string;
            explain: {
                en: string;
                zh: string;
            };
            filters: components["schemas"]["MetricFilters"];
            /** @enum {string} */
            name: "timeliness";
            /** @enum {string} */
            scope: "all" | "subtree" | "own";
            timeZone: string;
            title: {
                en: string;
                zh: string;
            };
        } | {
            answer: components["schemas"]["CadenceOnTimeAnswer"];
            asOf: string;
            explain: {
                en: string;
                zh: string;
            };
            filters: components["schemas"]["MetricFilters"];
            /** @enum {string} */
            name: "cadence_ontime";
            /** @enum {string} */
            scope: "all" | "subtree" | "own";
            timeZone: string;
            title: {
                en: string;
                zh: string;
            };
        } | {
            answer: components["schemas"]["CompletenessAnswer"];
            asOf: string;
            explain: {
                en: string;
                zh: string;
            };
            filters: components["schemas"]["MetricFilters"];
            /** @enum {string} */
            name: "completeness";
            /** @enum {string} */
            scope: "all" | "subtree" | "own";
            timeZone: string;
            title: {
                en: string;
                zh: string;
            };
        } | {
            answer: components["schemas"]["IdiAnswer"];
            asOf: string;
            explain: {
                en: string;
                zh: string;
            };
            filters: components["schemas"]["MetricFilters"];
            /** @enum {string} */
            name: "idi";
            /** @enum {string} */
            scope: "all" | "subtree" | "own";
            timeZone: string;
            title: {
                en: string;
                zh: string;
            };
        } | {
            answer: components["schemas"]["LossMatrixAnswer"];
            asOf: string;
            explain: {
                en: string;
                zh: string;
            };
            filters: components["schemas"]["MetricFilters"];
            /** @enum {string} */
            name: "loss_matrix";
            /** @enum {string} */
            scope: "all" | "subtree" | "own";
            timeZone: string;
            title: {
                en: string;
                zh: string;
            };
        } | {
            answer: components["schemas"]["WinRateAnswer"];
            asOf: string;
            explain: {
                en: string;
                zh: string;
            };
            filters: components["schemas"]["MetricFilters"];
            /** @enum {string} */
            name: "win_rate";
            /** @enum {string} */
            scope: "all" | "subtree" | "own";
            timeZone: string;
            title: {
                en: string;
                zh: string;
            };
        } | {
            answer: components["schemas"]["LeadQualityAnswer"];
            asOf: string;
            explain: {
                en: string;
                zh: string;
            };
            filters: components["schemas"]["MetricFilters"];
            /** @enum {string} */
            name: "lead_quality";
            /** @enum {string} */
            scope: "all" | "subtree" | "own";
            timeZone: string;
            title: {
                en: string;
                zh: string;
            };
        } | {
            answer: components["schemas"]["HeatmapAnswer"];
            asOf: string;
            explain: {
                en: string;
                zh: string;
            };
            filters: components["schemas"]["MetricFilters"];
            /** @enum {string} */
            name: "heatmap";
            /** @enum {string} */
            scope: "all" | "subtree" | "own";
            timeZone: string;
            title: {
                en: string;
                zh: string;
            };
        } | {
            answer: components["schemas"]["ConsistencyAnswer"];
            asOf: string;
            explain: {
                en: string;
                zh: string;
            };
            filters: components["schemas"]["MetricFilters"];
            /** @enum {string} */
            name: "consistency";
            /** @enum {string} */
            scope: "all" | "subtree" | "own";
            timeZone: string;
            title: {
                en: string;
                zh: string;
            };
        };
        MetricAnswerInput: {
            answer: components["schemas"]["FunnelAnswerInput"];
            asOf: string;
            explain: {
                en: string;
                zh: string;
            };
            filters: components["schemas"]["MetricFiltersInput"];
            /** @enum {string} */
            name: "funnel";
            /** @enum {string} */
            scope: "all" | "subtree" | "own";
            timeZone: string;
            title: {
                en: string;
                zh: string;
            };
        } | {
            answer: components["schemas"]["DwellAnswerInput"];
            asOf: string;
            explain: {
                en: string;
                zh: string;
            };
            filters: components["schemas"]["MetricFiltersInput"];
            /** @enum {string} */
            name: "dwell";
            /** @enum {string} */
            scope: "all" | "subtree" | "own";
            timeZone: string;
            title: {
                en: string;
                zh: string;
            };
        } | {
            answer: components["schemas"]["StalledAnswerInput"];
            asOf: string;
            explain: {
                en: string;
                zh: string;
            };
            filters: components["schemas"]["MetricFiltersInput"];
            /** @enum {string} */
            name: "stalled";
            /** @enum {string} */
            scope: "all" | "subtree" | "own";
            timeZone: string;
            title: {
                en: string;
                zh: string;
            };
        } | {
            answer: components["schemas"]["SaturationAnswerInput"];
            asOf: string;
            explain: {
                en: string;
                zh: string;
            };
            filters: components["schemas"]["MetricFiltersInput"];
            /** @enum {string} */
            name: "saturation";
            /** @enum {string} */
            scope: "all" | "subtree" | "own";
            timeZone: string;
            title: {
                en: string;
                zh: string;
            };
        } | {
            answer: components["schemas"]["TimelinessAnswerInput"];
            asOf: string;
            explain: {
                en: string;
                zh: string;
            };
            filters: components["schemas"]["MetricFiltersInput"];
            /** @enum {string} */
            name: "timeliness";
            /** @enum {string} */
            scope: "all" | "subtree" | "own";
            timeZone: string;
            title: {
                en: string;
                zh: string;
            };
        } | {
            answer: components["schemas"]["CadenceOnTimeAnswerInput"];
            asOf: string;
            explain: {
                en: string;
                zh: string;
            };
            filters: components["schemas"]["MetricFiltersInput"];
            /** @enum {string} */
            name: "cadence_ontime";
            /** @enum {string} */
            scope: "all" | "subtree" | "own";
            timeZone: string;
            title: {
                en: string;
                zh: string;
            };
        } | {
            answer: components["schemas"]["CompletenessAnswerInput"];
            asOf: string;
            explain: {
                en: string;
                zh: string;
            };
            filters: components["schemas"]["MetricFiltersInput"];
            /** @enum {string} */
            name: "completeness";
            /** @enum {string} */
            scope: "all" | "subtree" | "own";
            timeZone: string;
            title: {
                en: string;
                zh: string;
            };
        } | {
            answer: components["schemas"]["IdiAnswerInput"];
            asOf: string;
            explain: {
                en: string;
                zh: string;
            };
            filters: components["schemas"]["MetricFiltersInput"];
            /** @enum {string} */
            name: "idi";
            /** @enum {string} */
            scope: "all" | "subtree" | "own";
            timeZone: string;
            title: {
                en: string;
                zh: string;
            };
        } | {
            answer: components["schemas"]["LossMatrixAnswerInput"];
            asOf: string;
            explain: {
                en: string;
                zh: string;
            };
            filters: components["schemas"]["MetricFiltersInput"];
            /** @enum {string} */
            name: "loss_matrix";
            /** @enum {string} */
            scope: "all" | "subtree" | "own";
            timeZone: string;
            title: {
                en: string;
                zh: string;
            };
        } | {
            answer: components["schemas"]["WinRateAnswerInput"];
            asOf: string;
            explain: {
                en: string;
                zh: string;
            };
            filters: components["schemas"]["MetricFiltersInput"];
            /** @enum {string} */
            name: "win_rate";
            /** @enum {string} */
            scope: "all" | "subtree" | "own";
            timeZone: string;
            title: {
                en: string;
                zh: string;
            };
        } | {
            answer: components["schemas"]["LeadQualityAnswerInput"];
            asOf: string;
            explain: {
                en: string;
                zh: string;
            };
            filters: components["schemas"]["MetricFiltersInput"];
            /** @enum {string} */
            name: "lead_quality";
            /** @enum {string} */
            scope: "all" | "subtree" | "own";
            timeZone: string;
            title: {
                en: string;
                zh: string;
            };
        } | {
            answer: components["schemas"]["HeatmapAnswerInput"];
            asOf: string;
            explain: {
                en: string;
                zh: string;
            };
            filters: components["schemas"]["MetricFiltersInput"];
            /** @enum {string} */
            name: "heatmap";
            /** @enum {string} */
            scope: "all" | "subtree" | "own";
            timeZone: string;
            title: {
                en: string;
                zh: string;
            };
        } | {
            answer: components["schemas"]["ConsistencyAnswerInput"];
            asOf: string;
            explain: {
                en: string;
                zh: string;
            };
            filters: components["schemas"]["MetricFiltersInput"];
            /** @enum {string} */
            name: "consistency";
            /** @enum {string} */
            scope: "all" | "subtree" | "own";
            timeZone: string;
            title: {
                en: string;
                zh: string;
            };
        };
        MetricCell: {
            /** @description what `/records?cell=` takes; its total equals value */
            cell: string;
            value: number;
        };
        MetricCellInput: {
            /** @description what `/records?cell=` takes; its total equals value */
            cell: string;
            value: number;
        };
        MetricFilters: {
            from: string;
            idleDays?: number;
            industry?: string;
            level?: string;
            ownerId?: string;
            pipelineId?: string;
            region?: string;
            segment?: string;
            source?: string;
            teamId?: string;
            to: string;
        };
        MetricFiltersInput: {
            from: string;
            idleDays?: number;
            industry?: string;
            level?: string;
            ownerId?: string;
            pipelineId?: string;
            region?: string;
            segment?: string;
            source?: string;
            teamId?: string;
            to: string;
        };
        MetricStage: {
            key: string;
            name: string;
            nameEn: string;
        };
        MetricStageInput: {
            key: string;
            name: string;
            nameEn: string;
        };
        MineResult: {
            candidates: number;
            coldStart: boolean;
            runId: string;
            surfaced: number;
            tried: number;
        };
        MineResultInput: {
            candidates: number;
            coldStart: boolean;
            runId: string;
            surfaced: number;
            tried: number;
        };
        ModelCard: {
            /** @description split, per-pattern out-of-time precision, average days before loss (patterns/backtest.ts) */
            card: {
                [key: string]: unknown;
            };
            coldStart: boolean;
            dealsUsed: number;
            minClosedDeals: number;
            minedAt: string | null;
            pipelineId: string;
            runId: string | null;
            settingsVersion: number | null;
            trigger: string | null;
        };
        ModelCardInput: {
            /** @description split, per-pattern out-of-time precision, average days before loss (patterns/backtest.ts) */
            card: {
                [key: string]: unknown;
            };
            coldStart: boolean;
            dealsUsed: number;
            minClosedDeals: number;
            minedAt: string | null;
            pipelineId: string;
            runId: string | null;
            settingsVersion: number | null;
            trigger: string | null;
        };
        Notification: {
            body: string;
            bodyEn: string | null;
            createdAt: string;
            id: string;
            /** @description App path such as /deals/<id> */
            link: string | null;
            readAt: string | null;
            subject: {
                id: string;
                type: string;
            } | null;
            title: string;
            titleEn: string | null;
        };
        NotificationInput: {
            body: string;
            bodyEn: string | null;
            createdAt: string;
            id: string;
            /** @description App path such as /deals/<id> */
            link: string | null;
            readAt: string | null;
            subject: {
                id: string;
                type: string;
            } | null;
            title: string;
            titleEn: string | null;
        };
        Ok: {
            /** @enum {boolean} */
            ok: true;
        };
        OkInput: {
            /** @enum {boolean} */
            ok: true;
        };
        OrgSettings: {
            /** @enum {string} */
            amountDisplay: "full" | "wan";
            tokenRoles: {
                admin: {
                    /** @description may users of this role create and use API tokens */
                    allowed: boolean;
                    /** @description longest lifetime of a token of this role, in days; older tokens stop working */
                    maxDays: number;
                };
                director: {
                    /** @description may users of this role create and use API tokens */
                    allowed: boolean;
                    /** @description longest lifetime of a token of this role, in days; older tokens stop working */
                    maxDays: number;
                };
                finance: {
                    /** @description may users of this role create and use API tokens */
                    allowed: boolean;
                    /** @description longest lifetime of a token of this role, in days; older tokens stop working */
                    maxDays: number;
                };
                lead: {
                    /** @description may users of this role create and use API tokens */
                    allowed: boolean;
                    /** @description longest lifetime of a token of this role, in days; older tokens stop working */
                    maxDays: number;
                };
                regional_manager: {
                    /** @description may users of this role create and use API tokens */
                    allowed: boolean;
                    /** @description longest lifetime of a token of this role, in days; older tokens stop working */
                    maxDays: number;
                };
                seller: {
                    /** @description may users of this role create and use API tokens */
                    allowed: boolean;
                    /** @description longest lifetime of a token of this role, in days; older tokens stop working */
                    maxDays: number;
                };
                support: {
                    /** @description may users of this role create and use API tokens */
                    allowed: boolean;
                    /** @description longest lifetime of a token of this role, in days; older tokens stop working */
                    maxDays: number;
                };
            };
            updatedAt: string | null;
        };
        OrgSettingsInput: {
            /** @enum {string} */
            amountDisplay: "full" | "wan";
            tokenRoles: {
                admin: {
                    /** @description may users of this role create and use API tokens */
                    allowed: boolean;
                    /** @description longest lifetime of a token of this role, in days; older tokens stop working */
                    maxDays: number;
                };
                director: {
                    /** @description may users of this role create and use API tokens */
                    allowed: boolean;
                    /** @description longest lifetime of a token of this role, in days; older tokens stop working */
                    maxDays: number;
                };
                finance: {
                    /** @description may users of this role create and use API tokens */
                    allowed: boolean;
                    /** @description longest lifetime of a token of this role, in days; older tokens stop working */
                    maxDays: number;
                };
                lead: {
                    /** @description may users of this role create and use API tokens */
                    allowed: boolean;
                    /** @description longest lifetime of a token of this role, in days; older tokens stop working */
                    maxDays: number;
                };
                regional_manager: {
                    /** @description may users of this role create and use API tokens */
                    allowed: boolean;
                    /** @description longest lifetime of a token of this role, in days; older tokens stop working */
                    maxDays: number;
                };
                seller: {
                    /** @description may users of this role create and use API tokens */
                    allowed: boolean;
                    /** @description longest lifetime of a token of this role, in days; older tokens stop working */
                    maxDays: number;
                };
                support: {
                    /** @description may users of this role create and use API tokens */
                    allowed: boolean;
                    /** @description longest lifetime of a token of this role, in days; older tokens stop working */
                    maxDays: number;
                };
            };
            updatedAt: string | null;
        };
        OutboxItem: {
            attempts: number;
            channel: {
                id: string;
                name: string | null;
            } | null;
            createdAt: string;
            id: string;
            idempotencyKey: string;
            kind: string;
            lastError: string | null;
            nextAttemptAt: string | null;
            recipient: string | null;
            sentAt: string | null;
            /** @enum {string} */
            status: "pending" | "sent" | "dead";
            title: string | null;
        };
        OutboxItemInput: {
            attempts: number;
            channel: {
                id: string;
                name: string | null;
            } | null;
            createdAt: string;
            id: string;
            idempotencyKey: string;
            kind: string;
            lastError: string | null;
            nextAttemptAt: string | null;
            recipient: string | null;
            sentAt: string | null;
            /** @enum {string} */
            status: "pending" | "sent" | "dead";
            title: string | null;
        };
        OwnershipConflict: {
            id: string;
            status?: string;
        } & {
            [key: string]: unknown;
        };
        OwnershipConflictInput: {
            id: string;
            status?: string;
        } & {
            [key: string]: unknown;
        };
        ParsedLog: {
            contact: {
                id: string | null;
                isNew: boolean;
                name: string;
                title: string | null;
            } | null;
            customer: {
                id: string;
                name: string;
            } | null;
            dealId: string | null;
            nextAction: {
                dueAt: string | null;
                text: string;
            } | null;
            /** @description When it happened if the sentence says (昨天, 前天); null: now */
            occurredAt: string | null;
            summary: string;
            /** @enum {string|null} */
            type: "call" | "visit" | "wechat" | "email" | "demo" | "materials" | "other" | null;
            unparsed: {
                candidates?: {
                    id: string;
                    name: string;
                }[];
                /** @enum {string} */
                field: "customer" | "contact" | "type" | "nextAction" | "dueAt" | "deal";
                /** @enum {string} */
                reason: "not_found" | "ambiguous" | "vague" | "no_date" | "new_contact";
                text: string | null;
            }[];
        };
        ParsedLogInput: {
            contact: {
                id: string | null;
                isNew: boolean;
                name: string;
                title: string | null;
            } | null;
            customer: {
                id: string;
                name: string;
            } | null;
            dealId: string | null;
            nextAction: {
                dueAt: string | null;
                text: string;
            } | null;
            /** @description When it happened if the sentence says (昨天, 前天); null: now */
            occurredAt: string | null;
            summary: string;
            /** @enum {string|null} */
            type: "call" | "visit" | "wechat" | "email" | "demo" | "materials" | "other" | null;
            unparsed: {
                candidates?: {
                    id: string;
                    name: string;
                }[];
                /** @enum {string} */
                field: "customer" | "contact" | "type" | "nextAction" | "dueAt" | "deal";
                /** @enum {string} */
                reason: "not_found" | "ambiguous" | "vague" | "no_date" | "new_contact";
                text: string | null;
            }[];
        };
        Pattern: {
            baseline: number;
            ciHigh: number;
            ciLow: number;
            description: string;
            descriptionEn: string;
            /** @description e.g. 150 个相似商机中 134 个输单（89%，95% CI 83–93%），基线 50% */
            evidence: string;
            evidenceEn: string;
            id: string;
            /** @enum {string} */
            kind: "risk" | "positive";
            lift: number;
            minedAt: string;
            outcomeCount: number;
            outcomeRate: number;
            params: {
                [key: string]: unknown;
            };
            pipelineId: string;
            suggestion: string | null;
            suggestionEn: string | null;
            support: number;
            /** @description false: a candidate below the bar (admins only) */
            surfaced: boolean;
            /** @enum {string} */
            template: "k_without" | "no_followup" | "k_in_stage";
        };
        PatternDeal: {
            amountFen: number;
            closedAt: string;
            customer: {
                id: string;
                name: string;
            };
            id: string;
            /** @description when the deal first matched the pattern (strictly before its close) */
            matchedAt: string;
            /** @enum {string} */
            outcome: "won" | "lost";
            owner: components["schemas"]["UserRef"];
            stageKey: string;
            title: string;
        };
        PatternDealInput: {
            amountFen: number;
            closedAt: string;
            customer: {
                id: string;
                name: string;
            };
            id: string;
            /** @description when the deal first matched the pattern (strictly before its close) */
            matchedAt: string;
            /** @enum {string} */
            outcome: "won" | "lost";
            owner: components["schemas"]["UserRefInput"];
            stageKey: string;
            title: string;
        };
        PatternDeals: {
            items: components["schemas"]["PatternDeal"][];
            support: number;
            /** @description deals in your scope; equals support for an org-wide reader */
            total: number;
        };
        PatternDealsInput: {
            items: components["schemas"]["PatternDealInput"][];
            support: number;
            /** @description deals in your scope; equals support for an org-wide reader */
            total: number;
        };
        PatternInput: {
            baseline: number;
            ciHigh: number;
            ciLow: number;
            description: string;
            descriptionEn: string;
            /** @description e.g. 150 个相似商机中 134 个输单（89%，95% CI 83–93%），基线 50% */
            evidence: string;
            evidenceEn: string;
            id: string;
            /** @enum {string} */
            kind: "risk" | "positive";
            lift: number;
            minedAt: string;
            outcomeCount: number;
            outcomeRate: number;
            params: {
                [key: string]: unknown;
            };
            pipelineId: string;
            suggestion: string | null;
            suggestionEn: string | null;
            support: number;
            /** @description false: a candidate below the bar (admins only) */
            surfaced: boolean;
            /** @enum {string} */
            template: "k_without" | "no_followup" | "k_in_stage";
        };
        PatternLoopReport: {
            groups: {
                /** @description decision time: mean days from the flag to the answering action (those done in time) */
                avgDaysToAction: number | null;
                /** @description mean days from the flag to the close (closed deals) */
                avgDaysToClose: number | null;
                /** @description answering action logged within loopDays working days of the flag */
                done: number;
                flagged: number;
                /**
                 * @description done / not_done: shown the suggestion; holdout: shown nothing
                 * @enum {string}
                 */
                group: "done" | "not_done" | "holdout";
                lost: number;
                open: number;
                winRate: number | null;
                won: number;
            }[];
            holdoutShare: number;
            /** @description 观察性数据，非因果 */
            label: string;
            labelEn: string;
            loopDays: number;
            patterns: {
                description: string;
                descriptionEn: string;
                groups: {
                    /** @description decision time: mean days from the flag to the answering action (those done in time) */
                    avgDaysToAction: number | null;
                    /** @description mean days from the flag to the close (closed deals) */
                    avgDaysToClose: number | null;
                    /** @description answering action logged within loopDays working days of the flag */
                    done: number;
                    flagged: number;
                    /**
                     * @description done / not_done: shown the suggestion; holdout: shown nothing
                     * @enum {string}
                     */
                    group: "done" | "not_done" | "holdout";
                    lost: number;
                    open: number;
                    winRate: number | null;
                    won: number;
                }[];
                patternId: string;
            }[];
            pipelineId: string;
        };
        PatternLoopReportInput: {
            groups: {
                /** @description decision time: mean days from the flag to the answering action (those done in time) */
                avgDaysToAction: number | null;
                /** @description mean days from the flag to the close (closed deals) */
                avgDaysToClose: number | null;
                /** @description answering action logged within loopDays working days of the flag */
                done: number;
                flagged: number;
                /**
                 * @description done / not_done: shown the suggestion; holdout: shown nothing
                 * @enum {string}
                 */
                group: "done" | "not_done" | "holdout";
                lost: number;
                open: number;
                winRate: number | null;
                won: number;
            }[];
            holdoutShare: number;
            /** @description 观察性数据，非因果 */
            label: string;
            labelEn: string;
            loopDays: number;
            patterns: {
                description: string;
                descriptionEn: string;
                groups: {
                    /** @description decision time: mean days from the flag to the answering action (those done in time) */
                    avgDaysToAction: number | null;
                    /** @description mean days from the flag to the close (closed deals) */
                    avgDaysToClose: number | null;
                    /** @description answering action logged within loopDays working days of the flag */
                    done: number;
                    flagged: number;
                    /**
                     * @description done / not_done: shown the suggestion; holdout: shown nothing
                     * @enum {string}
                     */
                    group: "done" | "not_done" | "holdout";
                    lost: number;
                    open: number;
                    winRate: number | null;
                    won: number;
                }[];
                patternId: string;
            }[];
            pipelineId: string;
        };
        PatternSettings: {
            /**
             * @default [
             *       2,
             *       5
             *     ]
             */
            followupDays: number[];
            /** @default 0 */
            holdoutShare: number;
            /**
             * @default [
             *       2,
             *       3
             *     ]
             */
            kValues: number[];
            /** @default 5 */
            loopDays: number;
            /** @default 100 */
            minClosedDeals: number;
            /** @default 1.2 */
            minLift: number;
            /** @default 30 */
            minSupport: number;
            /** @default 7 */
            notifyEveryDays: number;
            rules: {
                /** @default 2 */
                closeDatePushes: number;
                /** @default 10 */
                noInteractionDays: number;
                /** @default 10000000 */
                singleContactAmountFen: number;
                /** @default 3 */
                unansweredTouches: number;
            };
            /** @default 0.3 */
            testShare: number;
        };
        PatternSettingsInput: {
            /**
             * @default [
             *       2,
             *       5
             *     ]
             */
            followupDays: number[];
            /** @default 0 */
            holdoutShare: number;
            /**
             * @default [
             *       2,
             *       3
             *     ]
             */
            kValues: number[];
            /** @default 5 */
            loopDays: number;
            /** @default 100 */
            minClosedDeals: number;
            /** @default 1.2 */
            minLift: number;
            /** @default 30 */
            minSupport: number;
            /** @default 7 */
            notifyEveryDays: number;
            /** @default {} */
            rules: {
                /** @default 2 */
                closeDatePushes: number;
                /** @default 10 */
                noInteractionDays: number;
                /** @default 10000000 */
                singleContactAmountFen: number;
                /** @default 3 */
                unansweredTouches: number;
            };
            /** @default 0.3 */
            testShare: number;
        };
        PatternSettingsVersion: {
            settings: components["schemas"]["PatternSettings"];
            version: number;
        };
        PatternSettingsVersionInput: {
            settings: components["schemas"]["PatternSettingsInput"];
            version: number;
        };
        Payment: {
            allocations: {
                amountFen?: number;
                contractId: string;
                instalmentId: string;
                kind: string;
                onDate: string;
            }[];
            amountFen?: number;
            createdAt: string;
            createdBy: components["schemas"]["UserRef"] | null;
            evidenceFileId: string | null;
            id: string;
            /** @enum {string} */
            kind: "payment" | "reversal";
            method: string;
            note: string | null;
            receivedOn: string;
            reference: string | null;
            reversedBy: string | null;
            reversesId: string | null;
            /** @description Customer credit (预收款) left from this payment */
            unallocatedFen?: number;
        };
        PaymentClaim: {
            amountFen?: number;
            claimedOn: string;
            createdAt: string;
            createdBy: components["schemas"]["UserRef"];
            decisionNote: string | null;
            evidenceFileId: string | null;
            id: string;
            instalmentId: string | null;
            note: string | null;
            pauseUntil: string;
            paymentId: string | null;
            reference: string | null;
            /** @enum {string} */
            status: "pending" | "confirmed" | "rejected";
        };
        PaymentClaimInput: {
            amountFen?: number;
            claimedOn: string;
            createdAt: string;
            createdBy: components["schemas"]["UserRefInput"];
            decisionNote: string | null;
            evidenceFileId: string | null;
            id: string;
            instalmentId: string | null;
            note: string | null;
            pauseUntil: string;
            paymentId: string | null;
            reference: string | null;
            /** @enum {string} */
            status: "pending" | "confirmed" | "rejected";
        };
        PaymentInput: {
            allocations: {
                amountFen?: number;
                contractId: string;
                instalmentId: string;
                kind: string;
                onDate: string;
            }[];
            amountFen?: number;
            createdAt: string;
            createdBy: components["schemas"]["UserRefInput"] | null;
            evidenceFileId: string | null;
            id: string;
            /** @enum {string} */
            kind: "payment" | "reversal";
            method: string;
            note: string | null;
            receivedOn: string;
            reference: string | null;
            reversedBy: string | null;
            reversesId: string | null;
            /** @description Customer credit (预收款) left from this payment */
            unallocatedFen?: number;
        };
        PendingDealMove: {
            deal: components["schemas"]["DealDetail"];
            pendingApproval: {
                id: string;
                /** @description lost_confirmation */
                kind: string;
            };
        };
        PendingDealMoveInput: {
            deal: components["schemas"]["DealDetailInput"];
            pendingApproval: {
                id: string;
                /** @description lost_confirmation */
                kind: string;
            };
        };
        Pipeline: {
            archived: boolean;
            createdAt: string;
            /** @description Present on single-pipeline answers */
            definition?: components["schemas"]["PipelineDefinition"];
            description: string | null;
            id: string;
            key: string;
            name: string;
            nameEn: string;
            stages: components["schemas"]["StageSummary"][];
            templateKey: string | null;
            updatedAt: string;
            version: number;
        };
        PipelineDefinition: {
            description?: string;
            descriptionEn?: string;
            key: string;
            name: string;
            nameEn?: string;
            stages: {
                /** @default false */
                allowSkip: boolean;
                cadences?: string[];
                description?: string;
                descriptionEn?: string;
                /**
                 * @default {
                 *       "requiredFields": [],
                 *       "evidence": [],
                 *       "checklist": []
                 *     }
                 */
                gate: {
                    approvals?: {
                        kind: string;
                        label: string;
                        labelEn?: string;
                    }[];
                    /** @default [] */
                    checklist: {
                        hint?: string;
                        hintEn?: string;
                        key: string;
                        label: string;
                        labelEn?: string;
                    }[];
                    contract?: {
                        /** @default signed_contract */
                        evidenceKind: string;
                        /** @default 合同已登记 */
                        label: string;
                        /** @default Contract registered */
                        labelEn: string;
                    };
                    /** @default [] */
                    evidence: {
                        kind: string;
                        label: string;
                        labelEn?: string;
                        /** @default 1 */
                        min: number;
                    }[];
                    /** @default [] */
                    requiredFields: string[];
                };
                key: string;
                name: string;
                nameEn?: string;
                probability: number;
                sla?: {
                    /** @default false */
                    idle: boolean;
                    /** @enum {string} */
                    idleFrom?: "customer" | "deal";
                    ladder: {
                        after: string;
                        channels?: ("inapp" | "wecom" | "dingtalk" | "feishu" | "email" | "sms")[];
                        /** @enum {string} */
                        colour?: "yellow" | "red";
                        notify: string[];
                        /** @enum {string} */
                        require?: "intervention";
                        /**
                         * @default entry
                         * @enum {string}
                         */
                        since: "entry" | "previous_level";
                    }[];
                };
                /** @enum {string} */
                terminal?: "won" | "lost";
            }[];
        };
        PipelineDefinitionInput: {
            description?: string;
            descriptionEn?: string;
            key: string;
            name: string;
            nameEn?: string;
            stages: {
                /** @default false */
                allowSkip: boolean;
                cadences?: string[];
                description?: string;
                descriptionEn?: string;
                /**
                 * @default {
                 *       "requiredFields": [],
                 *       "evidence": [],
                 *       "checklist": []
                 *     }
                 */
                gate: {
                    approvals?: {
                        kind: string;
                        label: string;
                        labelEn?: string;
                    }[];
                    /** @default [] */
                    checklist: {
                        hint?: string;
                        hintEn?: string;
                        key: string;
                        label: string;
                        labelEn?: string;
                    }[];
                    contract?: {
                        /** @default signed_contract */
                        evidenceKind: string;
                        /** @default 合同已登记 */
                        label: string;
                        /** @default Contract registered */
                        labelEn: string;
                    };
                    /** @default [] */
                    evidence: {
                        kind: string;
                        label: string;
                        labelEn?: string;
                        /** @default 1 */
                        min: number;
                    }[];
                    /** @default [] */
                    requiredFields: string[];
                };
                key: string;
                name: string;
                nameEn?: string;
                probability: number;
                sla?: {
                    /** @default false */
                    idle: boolean;
                    /** @enum {string} */
                    idleFrom?: "customer" | "deal";
                    ladder: {
                        after: string;
                        channels?: ("inapp" | "wecom" | "dingtalk" | "feishu" | "email" | "sms")[];
                        /** @enum {string} */
                        colour?: "yellow" | "red";
                        notify: string[];
                        /** @enum {string} */
                        require?: "intervention";
                        /**
                         * @default entry
                         * @enum {string}
                         */
                        since: "entry" | "previous_level";
                    }[];
                };
                /** @enum {string} */
                terminal?: "won" | "lost";
            }[];
        };
        PipelineInput: {
            archived: boolean;
            createdAt: string;
            /** @description Present on single-pipeline answers */
            definition?: components["schemas"]["PipelineDefinitionInput"];
            description: string | null;
            id: string;
            key: string;
            name: string;
            nameEn: string;
            stages: components["schemas"]["StageSummaryInput"][];
            templateKey: string | null;
            updatedAt: string;
            version: number;
        };
        PipelineTemplate: {
            description?: string;
            descriptionEn?: string;
            key: string;
            name: string;
            nameEn: string;
            stages: number;
        };
        PipelineTemplateInput: {
            description?: string;
            descriptionEn?: string;
            key: string;
            name: string;
            nameEn: string;
            stages: number;
        };
        PlatformConnection: {
            /** @description The URL to enter as the app’s callback / event subscription address */
            callbackUrl: string;
            createdAt: string;
            enabled: boolean;
            id: string;
            name: string;
            /** @enum {string} */
            platform: "wecom" | "dingtalk" | "feishu";
            /** @description Secrets are write-only: only which of them are stored is shown */
            secretFields: string[];
            secretsReadable: boolean;
            settings: {
                [key: string]: unknown;
            };
            signInUrl: string;
            updatedAt: string;
        };
        PlatformConnectionInput: {
            /** @description The URL to enter as the app’s callback / event subscription address */
            callbackUrl: string;
            createdAt: string;
            enabled: boolean;
            id: string;
            name: string;
            /** @enum {string} */
            platform: "wecom" | "dingtalk" | "feishu";
            /** @description Secrets are write-only: only which of them are stored is shown */
            secretFields: string[];
            secretsReadable: boolean;
            settings: {
                [key: string]: unknown;
            };
            signInUrl: string;
            updatedAt: string;
        };
        PlatformJsapiConfig: {
            agentConfig: {
                nonceStr: string;
                signature: string;
                timestamp: number;
            };
            agentId: string;
            config: {
                nonceStr: string;
                signature: string;
                timestamp: number;
            };
            corpId: string;
        };
        PlatformJsapiConfigInput: {
            agentConfig: {
                nonceStr: string;
                signature: string;
                timestamp: number;
            };
            agentId: string;
            config: {
                nonceStr: string;
                signature: string;
                timestamp: number;
            };
            corpId: string;
        };
        PlatformSyncRun: {
            actorId: string | null;
            connectionId: string;
            createdAt: string;
            dryRun: boolean;
            error: string | null;
            id: string;
            overwrite: boolean;
            plan: {
                [key: string]: unknown;
            };
            slot: string | null;
            status: string;
        };
        PlatformSyncRunInput: {
            actorId: string | null;
            connectionId: string;
            createdAt: string;
            dryRun: boolean;
            error: string | null;
            id: string;
            overwrite: boolean;
            plan: {
                [key: string]: unknown;
            };
            slot: string | null;
            status: string;
        };
        PlatformTestResult: {
            error: string | null;
            expiresAt: string | null;
            ok: boolean;
        };
        PlatformTestResultInput: {
            error: string | null;
            expiresAt: string | null;
            ok: boolean;
        };
        PoolSettings: {
            [key: string]: unknown;
        };
        PoolSettingsInput: {
            [key: string]: unknown;
        };
        ReceivableRow: {
            amountFen?: number;
            /**
             * @description red ≤ 3 days to the effective due date (or overdue), yellow 4–7, normal ≥ 8 or paid
             * @enum {string}
             */
            band: "red" | "yellow" | "normal";
            contract: {
                id: string;
                number: string;
            };
            customer: {
                id: string;
                name: string;
            };
            daysPastDue: number;
            /** @description Days (calendar or working, by setting) to the effective due date; negative when past it */
            daysToDue: number;
            deal: {
                id: string;
                name: string;
            };
            /** @description Contractual due date */
            dueDate: string;
            /** @description Moved onto a working day by the due-date policy (China calendar with 调休) */
            effectiveDueDate: string;
            /** @description When it escalates unless settled first (null: settled or already escalated) */
            escalateAt: string | null;
            escalated: boolean;
            id: string;
            invoiceDate: string | null;
            invoiceNo: string | null;
            /** @enum {string} */
            invoiceStatus: "not_issued" | "issued";
            lastPaidOn: string | null;
            /** @enum {string} */
            method: "wire" | "bank_acceptance" | "commercial_acceptance" | "letter_of_credit" | "cash" | "other";
            outstandingFen?: number;
            owner: components["schemas"]["UserRef"];
            paidFen?: number;
            seq: number;
            /** @description A remainder within tolerance that closed the instalment (短款待核销) */
            shortfallFen?: number;
            /** @enum {string} */
            status: "open" | "partially_paid" | "paid" | "overdue";
            team: {
                id: string;
                name: string;
            };
        };
        ReceivableRowInput: {
            amountFen?: number;
            /**
             * @description red ≤ 3 days to the effective due date (or overdue), yellow 4–7, normal ≥ 8 or paid
             * @enum {string}
             */
            band: "red" | "yellow" | "normal";
            contract: {
                id: string;
                number: string;
            };
            customer: {
                id: string;
                name: string;
            };
            daysPastDue: number;
            /** @description Days (calendar or working, by setting) to the effective due date; negative when past it */
            daysToDue: number;
            deal: {
                id: string;
                name: string;
            };
            /** @description Contractual due date */
            dueDate: string;
            /** @description Moved onto a working day by the due-date policy (China calendar with 调休) */
            effectiveDueDate: string;
            /** @description When it escalates unless settled first (null: settled or already escalated) */
            escalateAt: string | null;
            escalated: boolean;
            id: string;
            invoiceDate: string | null;
            invoiceNo: string | null;
            /** @enum {string} */
            invoiceStatus: "not_issued" | "issued";
            lastPaidOn: string | null;
            /** @enum {string} */
            method: "wire" | "bank_acceptance" | "commercial_acceptance" | "letter_of_credit" | "cash" | "other";
            outstandingFen?: number;
            owner: components["schemas"]["UserRefInput"];
            paidFen?: number;
            seq: number;
            /** @description A remainder within tolerance that closed the instalment (短款待核销) */
            shortfallFen?: number;
            /** @enum {string} */
            status: "open" | "partially_paid" | "paid" | "overdue";
            team: {
                id: string;
                name: string;
            };
        };
        RetentionPlan: {
            createdAt: string;
            customerId: string;
            dueAt: string;
            escalatedAt: string | null;
            evidence: {
                [key: string]: string;
            };
            filedAt: string | null;
            id: string;
            overdue: boolean;
            ownerId: string;
            plan: string | null;
            required: {
                key: string;
                name: string;
                nameEn?: string;
            }[];
            /** @enum {string} */
            status: "open" | "filed";
        };
        RetentionPlanInput: {
            createdAt: string;
            customerId: string;
            dueAt: string;
            escalatedAt: string | null;
            evidence: {
                [key: string]: string;
            };
            filedAt: string | null;
            id: string;
            overdue: boolean;
            ownerId: string;
            plan: string | null;
            required: {
                key: string;
                name: string;
                nameEn?: string;
            }[];
            /** @enum {string} */
            status: "open" | "filed";
        };
        RiskFlag: {
            active: boolean;
            clearedAt: string | null;
            dealId: string;
            description: string;
            descriptionEn: string;
            /** @description the historical deals behind the pattern (GET) */
            drill: string | null;
            /** @description pattern: "150 个相似商机中 134 个输单（89%，95% CI 83–93%），基线 50%"; rule: its label and threshold */
            evidence: string;
            evidenceEn: string;
            firstRaisedAt: string;
            /** @description in the holdout share: no suggestion, no notification */
            holdout: boolean;
            id: string;
            /**
             * @description rule: an expert rule of thumb (cold start), labelled as such
             * @enum {string}
             */
            kind: "pattern" | "rule";
            notifyCount: number;
            patternId: string | null;
            raisedAt: string;
            sourceKey: string;
            suggestion: string | null;
            suggestionEn: string | null;
        };
        RiskFlagInput: {
            active: boolean;
            clearedAt: string | null;
            dealId: string;
            description: string;
            descriptionEn: string;
            /** @description the historical deals behind the pattern (GET) */
            drill: string | null;
            /** @description pattern: "150 个相似商机中 134 个输单（89%，95% CI 83–93%），基线 50%"; rule: its label and threshold */
            evidence: string;
            evidenceEn: string;
            firstRaisedAt: string;
            /** @description in the holdout share: no suggestion, no notification */
            holdout: boolean;
            id: string;
            /**
             * @description rule: an expert rule of thumb (cold start), labelled as such
             * @enum {string}
             */
            kind: "pattern" | "rule";
            notifyCount: number;
            patternId: string | null;
            raisedAt: string;
            sourceKey: string;
            suggestion: string | null;
            suggestionEn: string | null;
        };
        RiskFlagList: {
            items: {
                active: boolean;
                clearedAt: string | null;
                deal: {
                    id: string;
                    owner: components["schemas"]["UserRef"];
                    stageKey: string;
                    title: string;
                };
                dealId: string;
                description: string;
                descriptionEn: string;
                /** @description the historical deals behind the pattern (GET) */
                drill: string | null;
                /** @description pattern: "150 个相似商机中 134 个输单（89%，95% CI 83–93%），基线 50%"; rule: its label and threshold */
                evidence: string;
                evidenceEn: string;
                firstRaisedAt: string;
                /** @description in the holdout share: no suggestion, no notification */
                holdout: boolean;
                id: string;
                /**
                 * @description rule: an expert rule of thumb (cold start), labelled as such
                 * @enum {string}
                 */
                kind: "pattern" | "rule";
                notifyCount: number;
                patternId: string | null;
                raisedAt: string;
                sourceKey: string;
                suggestion: string | null;
                suggestionEn: string | null;
            }[];
            total: number;
        };
        RiskFlagListInput: {
            items: {
                active: boolean;
                clearedAt: string | null;
                deal: {
                    id: string;
                    owner: components["schemas"]["UserRefInput"];
                    stageKey: string;
                    title: string;
                };
                dealId: string;
                description: string;
                descriptionEn: string;
                /** @description the historical deals behind the pattern (GET) */
                drill: string | null;
                /** @description pattern: "150 个相似商机中 134 个输单（89%，95% CI 83–93%），基线 50%"; rule: its label and threshold */
                evidence: string;
                evidenceEn: string;
                firstRaisedAt: string;
                /** @description in the holdout share: no suggestion, no notification */
                holdout: boolean;
                id: string;
                /**
                 * @description rule: an expert rule of thumb (cold start), labelled as such
                 * @enum {string}
                 */
                kind: "pattern" | "rule";
                notifyCount: number;
                patternId: string | null;
                raisedAt: string;
                sourceKey: string;
                suggestion: string | null;
                suggestionEn: string | null;
            }[];
            total: number;
        };
        /** @enum {string} */
        Role: "seller" | "lead" | "regional_manager" | "director" | "finance" | "support" | "admin";
        /** @enum {string} */
        RoleInput: "seller" | "lead" | "regional_manager" | "director" | "finance" | "support" | "admin";
        Rule: {
            /** @description Webhook secrets are masked */
            actions: components["schemas"]["RuleAction"][];
            /** @description json-logic condition, null when the rule always runs */
            conditions: unknown;
            createdAt: string;
            createdBy: string | null;
            description: string | null;
            enabled: boolean;
            id: string;
            key: string;
            name: string;
            nameEn: string;
            trigger: components["schemas"]["RuleTrigger"];
            updatedAt: string;
            version: number;
        };
        RuleAction: {
            config: {
                [key: string]: unknown;
            };
            /** @enum {string} */
            type: "notify" | "create_task" | "create_followup" | "set_field" | "webhook" | "start_cadence" | "create_followup_deal" | "create_work_order" | "require_approval" | "require_retention_plan";
        };
        RuleActionInput: {
            config: {
                [key: string]: unknown;
            };
            /** @enum {string} */
            type: "notify" | "create_task" | "create_followup" | "set_field" | "webhook" | "start_cadence" | "create_followup_deal" | "create_work_order" | "require_approval" | "require_retention_plan";
        };
        RuleInput: {
            /** @description Webhook secrets are masked */
            actions: components["schemas"]["RuleActionInput"][];
            /** @description json-logic condition, null when the rule always runs */
            conditions: unknown;
            createdAt: string;
            createdBy: string | null;
            description: string | null;
            enabled: boolean;
            id: string;
            key: string;
            name: string;
            nameEn: string;
            trigger: components["schemas"]["RuleTriggerInput"];
            updatedAt: string;
            version: number;
        };
        RuleRun: {
            durationMs: number | null;
            error: string | null;
            eventId: string | null;
            id: string;
            input: unknown;
            outcome: unknown;
            ruleId: string;
            scheduledFor: string | null;
            startedAt: string;
            /** @enum {string} */
            status: "running" | "succeeded" | "failed" | "skipped";
            triggerType: string;
        };
        RuleRunInput: {
            durationMs: number | null;
            error: string | null;
            eventId: string | null;
            id: string;
            input: unknown;
            outcome: unknown;
            ruleId: string;
            scheduledFor: string | null;
            startedAt: string;
            /** @enum {string} */
            status: "running" | "succeeded" | "failed" | "skipped";
            triggerType: string;
        };
        RuleTrigger: {
            /** @enum {string} */
            colour?: "yellow" | "red";
            cooldownDays?: number;
            cron?: string;
            entity?: string;
            from?: string;
            hours?: number;
            /** @enum {string} */
            kind?: "colour" | "trend";
            level?: number | string;
            pipeline?: string;
            source?: string;
            to?: string;
            /** @enum {string} */
            type: "record.created" | "record.updated" | "deal.stage_changed" | "sla.level_reached" | "task.overdue" | "schedule" | "customer.health_changed" | "material.opened" | "material.not_opened" | "risk.matched";
        } & {
            [key: string]: unknown;
        };
        RuleTriggerInput: {
            /** @enum {string} */
            colour?: "yellow" | "red";
            cooldownDays?: number;
            cron?: string;
            entity?: string;
            from?: string;
            hours?: number;
            /** @enum {string} */
            kind?: "colour" | "trend";
            level?: number | string;
            pipeline?: string;
            source?: string;
            to?: string;
            /** @enum {string} */
            type: "record.created" | "record.updated" | "deal.stage_changed" | "sla.level_reached" | "task.overdue" | "schedule" | "customer.health_changed" | "material.opened" | "material.not_opened" | "risk.matched";
        } & {
            [key: string]: unknown;
        };
        SaturationAnswer: {
            sellers: {
                done: components["schemas"]["MetricCell"];
                due: components["schemas"]["MetricCell"];
                owner: {
                    id: string;
                    name: string;
                };
                /** @description percent, two decimals; null when nothing to divide by */
                rate: number | null;
                warn: boolean;
                weeks: {
                    done: components["schemas"]["MetricCell"];
                    due: components["schemas"]["MetricCell"];
                    /** @description percent, two decimals; null when nothing to divide by */
                    rate: number | null;
                    warn: boolean;
                    week: string;
                }[];
            }[];
            /** @description cadence steps and stage gate checklist items apart */
            sources: {
                done: components["schemas"]["MetricCell"];
                due: components["schemas"]["MetricCell"];
                /** @description percent, two decimals; null when nothing to divide by */
                rate: number | null;
                /** @enum {string} */
                source: "cadence" | "gate";
            }[];
            total: {
                /** @description what `/records?cell=` takes; its total equals value */
                cell: string;
                done: components["schemas"]["MetricCell"];
                /** @description percent, two decimals; null when nothing to divide by */
                rate: number | null;
                value: number;
            };
            warnBelow: number;
            weeks: string[];
        };
        SaturationAnswerInput: {
            sellers: {
                done: components["schemas"]["MetricCellInput"];
                due: components["schemas"]["MetricCellInput"];
                owner: {
                    id: string;
                    name: string;
                };
                /** @description percent, two decimals; null when nothing to divide by */
                rate: number | null;
                warn: boolean;
                weeks: {
                    done: components["schemas"]["MetricCellInput"];
                    due: components["schemas"]["MetricCellInput"];
                    /** @description percent, two decimals; null when nothing to divide by */
                    rate: number | null;
                    warn: boolean;
                    week: string;
                }[];
            }[];
            /** @description cadence steps and stage gate checklist items apart */
            sources: {
                done: components["schemas"]["MetricCellInput"];
                due: components["schemas"]["MetricCellInput"];
                /** @description percent, two decimals; null when nothing to divide by */
                rate: number | null;
                /** @enum {string} */
                source: "cadence" | "gate";
            }[];
            total: {
                /** @description what `/records?cell=` takes; its total equals value */
                cell: string;
                done: components["schemas"]["MetricCellInput"];
                /** @description percent, two decimals; null when nothing to divide by */
                rate: number | null;
                value: number;
            };
            warnBelow: number;
            weeks: string[];
        };
        StageHistory: {
            direction: string;
            enteredAt: string;
            enteredBy: components["schemas"]["UserRef"] | null;
            id: string;
            leftAt: string | null;
            lostReason: string | null;
            skipReason: string | null;
            stageKey: string;
            stageName: string;
            stageNameEn: string;
        };
        StageHistoryInput: {
            direction: string;
            enteredAt: string;
            enteredBy: components["schemas"]["UserRefInput"] | null;
            id: string;
            leftAt: string | null;
            lostReason: string | null;
            skipReason: string | null;
            stageKey: string;
            stageName: string;
            stageNameEn: string;
        };
        StageSummary: {
            allowSkip: boolean;
            key: string;
            name: string;
            nameEn: string;
            probability: number;
            /** @enum {string|null} */
            terminal: "won" | "lost" | null;
        };
        StageSummaryInput: {
            allowSkip: boolean;
            key: string;
            name: string;
            nameEn: string;
            probability: number;
            /** @enum {string|null} */
            terminal: "won" | "lost" | null;
        };
        StalledAnswer: {
            idleDays: number;
            planned: components["schemas"]["MetricCell"];
            sellers: {
                flagged: boolean;
                open: components["schemas"]["MetricCell"];
                owner: {
                    id: string;
                    name: string;
                };
                planned: components["schemas"]["MetricCell"];
                ratio: number | null;
                /** @description percent, two decimals; null when nothing to divide by */
                share: number | null;
                stalled: components["schemas"]["MetricCell"];
            }[];
            stages: {
                open: components["schemas"]["MetricCell"];
                planned: components["schemas"]["MetricCell"];
                slaAfter: string | null;
                stage: components["schemas"]["MetricStage"];
                stalled: components["schemas"]["MetricCell"];
            }[];
            stalled: components["schemas"]["MetricCell"];
            /** @description percent, two decimals; null when nothing to divide by */
            teamShare: number | null;
            total: components["schemas"]["MetricCell"];
        };
        StalledAnswerInput: {
            idleDays: number;
            planned: components["schemas"]["MetricCellInput"];
            sellers: {
                flagged: boolean;
                open: components["schemas"]["MetricCellInput"];
                owner: {
                    id: string;
                    name: string;
                };
                planned: components["schemas"]["MetricCellInput"];
                ratio: number | null;
                /** @description percent, two decimals; null when nothing to divide by */
                share: number | null;
                stalled: components["schemas"]["MetricCellInput"];
            }[];
            stages: {
                open: components["schemas"]["MetricCellInput"];
                planned: components["schemas"]["MetricCellInput"];
                slaAfter: string | null;
                stage: components["schemas"]["MetricStageInput"];
                stalled: components["schemas"]["MetricCellInput"];
            }[];
            stalled: components["schemas"]["MetricCellInput"];
            /** @description percent, two decimals; null when nothing to divide by */
            teamShare: number | null;
            total: components["schemas"]["MetricCellInput"];
        };
        Task: {
            assignee: components["schemas"]["UserRef"];
            assigneeId: string;
            /**
             * @description Open tasks by the org time-zone day of dueAt
             * @enum {string|null}
             */
            bucket: "overdue" | "today" | "upcoming" | null;
            completedAt: string | null;
            createdAt: string;
            createdBy: string | null;
            customer: {
                id: string;
                name: string;
            } | null;
            customerId: string | null;
            deal: {
                id: string;
                title: string;
            } | null;
            dealId: string | null;
            dueAt: string | null;
            id: string;
            /** @enum {string} */
            status: "open" | "done" | "cancelled";
            title: string;
            updatedAt: string;
        };
        TaskInput: {
            assignee: components["schemas"]["UserRefInput"];
            assigneeId: string;
            /**
             * @description Open tasks by the org time-zone day of dueAt
             * @enum {string|null}
             */
            bucket: "overdue" | "today" | "upcoming" | null;
            completedAt: string | null;
            createdAt: string;
            createdBy: string | null;
            customer: {
                id: string;
                name: string;
            } | null;
            customerId: string | null;
            deal: {
                id: string;
                title: string;
            } | null;
            dealId: string | null;
            dueAt: string | null;
            id: string;
            /** @enum {string} */
            status: "open" | "done" | "cancelled";
            title: string;
            updatedAt: string;
        };
        Team: {
            depth: number;
            id: string;
            kind: string;
            name: string;
            parentId: string | null;
            path: string;
        };
        TeamInput: {
            depth: number;
            id: string;
            kind: string;
            name: string;
            parentId: string | null;
            path: string;
        };
        TimelinessAnswer: {
            breached: components["schemas"]["MetricCell"];
            /** @description percent, two decimals; null when nothing to divide by */
            rate: number | null;
            stages: {
                breached: components["schemas"]["MetricCell"];
                clocks: components["schemas"]["MetricCell"];
                /** @description percent, two decimals; null when nothing to divide by */
                rate: number | null;
                stage: components["schemas"]["MetricStage"];
            }[];
            steps: {
                breached: components["schemas"]["MetricCell"];
                due: components["schemas"]["MetricCell"];
                /** @description percent, two decimals; null when nothing to divide by */
                rate: number | null;
                step: string;
            }[];
            total: components["schemas"]["MetricCell"];
        };
        TimelinessAnswerInput: {
            breached: components["schemas"]["MetricCellInput"];
            /** @description percent, two decimals; null when nothing to divide by */
            rate: number | null;
            stages: {
                breached: components["schemas"]["MetricCellInput"];
                clocks: components["schemas"]["MetricCellInput"];
                /** @description percent, two decimals; null when nothing to divide by */
                rate: number | null;
                stage: components["schemas"]["MetricStageInput"];
            }[];
            steps: {
                breached: components["schemas"]["MetricCellInput"];
                due: components["schemas"]["MetricCellInput"];
                /** @description percent, two decimals; null when nothing to divide by */
                rate: number | null;
                step: string;
            }[];
            total: components["schemas"]["MetricCellInput"];
        };
        UnmetItem: {
            /** @description FIELD_REQUIRED | EVIDENCE_REQUIRED | CHECKLIST_INCOMPLETE | APPROVAL_REQUIRED | … */
            code: string;
            hint?: string;
            hintEn?: string;
            label: string;
            labelEn: string;
            requirement: {
                field: string;
                /** @enum {string} */
                kind: "field";
            } | {
                evidenceKind: string;
                have: number;
                /** @enum {string} */
                kind: "evidence";
                min: number;
            } | {
                item: string;
                /** @enum {string} */
                kind: "checklist";
            } | {
                approvalKind: string;
                /** @enum {string} */
                kind: "approval";
                reason?: string;
                requestId: string | null;
                status: string | null;
            } | ({
                kind: string;
            } & {
                [key: string]: unknown;
            });
        };
        UnmetItemInput: {
            /** @description FIELD_REQUIRED | EVIDENCE_REQUIRED | CHECKLIST_INCOMPLETE | APPROVAL_REQUIRED | … */
            code: string;
            hint?: string;
            hintEn?: string;
            label: string;
            labelEn: string;
            requirement: {
                field: string;
                /** @enum {string} */
                kind: "field";
            } | {
                evidenceKind: string;
                have: number;
                /** @enum {string} */
                kind: "evidence";
                min: number;
            } | {
                item: string;
                /** @enum {string} */
                kind: "checklist";
            } | {
                approvalKind: string;
                /** @enum {string} */
                kind: "approval";
                reason?: string;
                requestId: string | null;
                status: string | null;
            } | ({
                kind: string;
            } & {
                [key: string]: unknown;
            });
        };
        User: {
            active: boolean;
            displayName: string;
            email: string | null;
            id: string;
            phone: string | null;
            role: components["schemas"]["Role"];
            team: {
                id: string;
                kind: string;
                name: string;
                path: string;
            };
            username: string;
        };
        UserInput: {
            active: boolean;
            displayName: string;
            email: string | null;
            id: string;
            phone: string | null;
            role: components["schemas"]["RoleInput"];
            team: {
                id: string;
                kind: string;
                name: string;
                path: string;
            };
            username: string;
        };
        UserRef: {
            id: string;
            name: string;
        };
        UserRefInput: {
            id: string;
            name: string;
        };
        WinRateAnswer: {
            averageCycleDays: number | null;
            averageCycleWorkingDays: number | null;
            closed: components["schemas"]["MetricCell"];
            lost: components["schemas"]["MetricCell"];
            sellers: {
                averageCycleDays: number | null;
                lost: components["schemas"]["MetricCell"];
                owner: {
                    id: string;
                    name: string;
                };
                /** @description percent, two decimals; null when nothing to divide by */
                winRate: number | null;
                won: components["schemas"]["MetricCell"];
            }[];
            /** @description percent, two decimals; null when nothing to divide by */
            winRate: number | null;
            won: components["schemas"]["MetricCell"];
        };
        WinRateAnswerInput: {
            averageCycleDays: number | null;
            averageCycleWorkingDays: number | null;
            closed: components["schemas"]["MetricCellInput"];
            lost: components["schemas"]["MetricCellInput"];
            sellers: {
                averageCycleDays: number | null;
                lost: components["schemas"]["MetricCellInput"];
                owner: {
                    id: string;
                    name: string;
                };
                /** @description percent, two decimals; null when nothing to divide by */
                winRate: number | null;
                won: components["schemas"]["MetricCellInput"];
            }[];
            /** @description percent, two decimals; null when nothing to divide by */
            winRate: number | null;
            won: components["schemas"]["MetricCellInput"];
        };
        WorkOrder: {
            assignee: components["schemas"]["UserRef"] | null;
            closedAt: string | null;
            createdAt: string;
            customer: {
                id: string;
                name: string;
            } | null;
            description: string | null;
            id: string;
            link: string;
            queue: {
                id: string;
                name: string;
            };
            rating: number | null;
            ratingComment: string | null;
            reopenCount: number;
            requester: components["schemas"]["UserRef"];
            resolvedAt: string | null;
            respondedAt: string | null;
            sla: components["schemas"]["WorkOrderSla"];
            /** @enum {string} */
            status: "open" | "assigned" | "in_progress" | "waiting_requester" | "resolved" | "closed" | "reopened";
            subject: {
                id: string;
                title: string;
                /** @enum {string} */
                type: "customer" | "deal" | "contract";
            };
            title: string;
            type: {
                id: string;
                key: string;
                name: string;
                nameEn: string | null;
                version: number;
            };
            updatedAt: string;
        };
        WorkOrderComment: {
            author: components["schemas"]["UserRef"];
            body: string;
            createdAt: string;
            id: string;
        };
        WorkOrderCommentInput: {
            author: components["schemas"]["UserRefInput"];
            body: string;
            createdAt: string;
            id: string;
        };
        WorkOrderDetail: {
            assignee: components["schemas"]["UserRef"] | null;
            closedAt: string | null;
            comments: components["schemas"]["WorkOrderComment"][];
            createdAt: string;
            customer: {
                id: string;
                name: string;
            } | null;
            description: string | null;
            escalations: {
                dueAt: string;
                firedAt: string;
                level: number;
                recipients: string[];
            }[];
            history: {
                actor: components["schemas"]["UserRef"] | null;
                assignee: components["schemas"]["UserRef"] | null;
                at: string;
                from: string | null;
                note: string | null;
                seq: number;
                status: string;
            }[];
            id: string;
            link: string;
            points: {
                at: string;
                helperId: string;
                id: string;
                /** @enum {string} */
                kind: "grant" | "reversal";
                points: number;
                ruleKey: string;
            }[];
            queue: {
                id: string;
                name: string;
            };
            rating: number | null;
            ratingComment: string | null;
            reopenCount: number;
            requester: components["schemas"]["UserRef"];
            resolvedAt: string | null;
            respondedAt: string | null;
            sla: components["schemas"]["WorkOrderSla"];
            /** @enum {string} */
            status: "open" | "assigned" | "in_progress" | "waiting_requester" | "resolved" | "closed" | "reopened";
            subject: {
                id: string;
                title: string;
                /** @enum {string} */
                type: "customer" | "deal" | "contract";
            };
            title: string;
            type: {
                id: string;
                key: string;
                name: string;
                nameEn: string | null;
                version: number;
            };
            updatedAt: string;
        };
        WorkOrderDetailInput: {
            assignee: components["schemas"]["UserRefInput"] | null;
            closedAt: string | null;
            comments: components["schemas"]["WorkOrderCommentInput"][];
            createdAt: string;
            customer: {
                id: string;
                name: string;
            } | null;
            description: string | null;
            escalations: {
                dueAt: string;
                firedAt: string;
                level: number;
                recipients: string[];
            }[];
            history: {
                actor: components["schemas"]["UserRefInput"] | null;
                assignee: components["schemas"]["UserRefInput"] | null;
                at: string;
                from: string | null;
                note: string | null;
                seq: number;
                status: string;
            }[];
            id: string;
            link: string;
            points: {
                at: string;
                helperId: string;
                id: string;
                /** @enum {string} */
                kind: "grant" | "reversal";
                points: number;
                ruleKey: string;
            }[];
            queue: {
                id: string;
                name: string;
            };
            rating: number | null;
            ratingComment: string | null;
            reopenCount: number;
            requester: components["schemas"]["UserRefInput"];
            resolvedAt: string | null;
            respondedAt: string | null;
            sla: components["schemas"]["WorkOrderSlaInput"];
            /** @enum {string} */
            status: "open" | "assigned" | "in_progress" | "waiting_requester" | "resolved" | "closed" | "reopened";
            subject: {
                id: string;
                title: string;
                /** @enum {string} */
                type: "customer" | "deal" | "contract";
            };
            title: string;
            type: {
                id: string;
                key: string;
                name: string;
                nameEn: string | null;
                version: number;
            };
            updatedAt: string;
        };
        WorkOrderInput: {
            assignee: components["schemas"]["UserRefInput"] | null;
            closedAt: string | null;
            createdAt: string;
            customer: {
                id: string;
                name: string;
            } | null;
            description: string | null;
            id: string;
            link: string;
            queue: {
                id: string;
                name: string;
            };
            rating: number | null;
            ratingComment: string | null;
            reopenCount: number;
            requester: components["schemas"]["UserRefInput"];
            resolvedAt: string | null;
            respondedAt: string | null;
            sla: components["schemas"]["WorkOrderSlaInput"];
            /** @enum {string} */
            status: "open" | "assigned" | "in_progress" | "waiting_requester" | "resolved" | "closed" | "reopened";
            subject: {
                id: string;
                title: string;
                /** @enum {string} */
                type: "customer" | "deal" | "contract";
            };
            title: string;
            type: {
                id: string;
                key: string;
                name: string;
                nameEn: string | null;
                version: number;
            };
            updatedAt: string;
        };
        WorkOrderReport: {
            month: string;
            types: {
                firstResolutionHit: number;
                key: string;
                name: string;
                nameEn: string | null;
                /** @description Sum over the resolved orders, business minutes */
                requesterWaitingMinutes: number;
                resolutionHit: number;
                resolutionMissed: number;
                resolved: number;
                responseHit: number;
                responseMissed: number;
            }[];
        };
        WorkOrderReportInput: {
            month: string;
            types: {
                firstResolutionHit: number;
                key: string;
                name: string;
                nameEn: string | null;
                /** @description Sum over the resolved orders, business minutes */
                requesterWaitingMinutes: number;
                resolutionHit: number;
                resolutionMissed: number;
                resolved: number;
                responseHit: number;
                responseMissed: number;
            }[];
        };
        WorkOrderSla: {
            /** @description Kept when the order is reopened */
            firstResolution: {
                at: string | null;
                dueAt: string | null;
                /** @enum {string|null} */
                status: "running" | "paused" | "hit" | "missed" | null;
            };
            resolution: {
                /** @description Null while paused: the due instant depends on when it resumes */
                dueAt: string | null;
                /** @description Business minutes the order waited for the requester (待销售补充) */
                requesterWaitingMinutes: number;
                /** @enum {string} */
                status: "running" | "paused" | "hit" | "missed";
                warning: boolean;
            };
            response: {
                dueAt: string | null;
                /** @enum {string} */
                status: "running" | "paused" | "hit" | "missed";
                /** @description Past the warning share, still running */
                warning: boolean;
            };
        };
        WorkOrderSlaInput: {
            /** @description Kept when the order is reopened */
            firstResolution: {
                at: string | null;
                dueAt: string | null;
                /** @enum {string|null} */
                status: "running" | "paused" | "hit" | "missed" | null;
            };
            resolution: {
                /** @description Null while paused: the due instant depends on when it resumes */
                dueAt: string | null;
                /** @description Business minutes the order waited for the requester (待销售补充) */
                requesterWaitingMinutes: number;
                /** @enum {string} */
                status: "running" | "paused" | "hit" | "missed";
                warning: boolean;
            };
            response: {
                dueAt: string | null;
                /** @enum {string} */
                status: "running" | "paused" | "hit" | "missed";
                /** @description Past the warning share, still running */
                warning: boolean;
            };
        };
        WorkOrderType: {
            active: boolean;
            escalation: {
                at: number;
                /** @enum {string} */
                clock: "response" | "resolution";
                notify: ("helper" | "helper.lead" | "department_head" | "requester")[];
            }[];
            id: string;
            key: string;
            name: string;
            nameEn: string | null;
            resolution: string;
            response: string;
            team: {
                id: string;
                name: string;
            };
            updatedAt: string;
            version: number;
            warnShare: number;
        };
        WorkOrderTypeInput: {
            active: boolean;
            escalation: {
                at: number;
                /** @enum {string} */
                clock: "response" | "resolution";
                notify: ("helper" | "helper.lead" | "department_head" | "requester")[];
            }[];
            id: string;
            key: string;
            name: string;
            nameEn: string | null;
            resolution: string;
            response: string;
            team: {
                id: string;
                name: string;
            };
            updatedAt: string;
            version: number;
            warnShare: number;
        };
        YamlError: {
            /** @description Stable code (shared/messages.ts): yaml_syntax, yaml_unknown_key, yaml_required, too_long, … */
            code: string;
            column: number;
            line: number;
            /** @description In the caller's language (Accept-Language) */
            message: string;
            params?: {
                [key: string]: string | number;
            };
            path: string;
        };
        YamlErrorInput: {
            /** @description Stable code (shared/messages.ts): yaml_syntax, yaml_unknown_key, yaml_required, too_long, … */
            code: string;
            column: number;
            line: number;
            /** @description In the caller's language (Accept-Language) */
            message: string;
            params?: {
                [key: string]: string | number;
            };
            path: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
