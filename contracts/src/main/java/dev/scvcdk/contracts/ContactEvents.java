package dev.scvcdk.contracts;

import java.util.List;

/**
 * The Amazon Connect contact events HandleContactEvents acts on: the stack's EventBridge rule matches exactly these,
 * and the handler dispatches on the same names.
 */
public final class ContactEvents {
    private ContactEvents() {
    }

    public static final String SOURCE = "aws.connect";
    public static final String DETAIL_TYPE = "Amazon Connect Contact Event";
    /** The contact ended: pending Omni flow routing of an unanswered call is cancelled. */
    public static final String DISCONNECTED = "DISCONNECTED";
    /** Routing criteria changed: an expired agents step is rerouted. */
    public static final String CONTACT_DATA_UPDATED = "CONTACT_DATA_UPDATED";

    /** Every {@code detail.eventType} the handler acts on. */
    public static final List<String> HANDLED_EVENT_TYPES = List.of(DISCONNECTED, CONTACT_DATA_UPDATED);
}
