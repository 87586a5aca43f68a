package dev.scvcdk.policies.iam;

/** Whether a statement allows or denies. */
public enum Effect {
    ALLOW("Allow"),
    DENY("Deny");

    private final String json;

    Effect(String json) {
        this.json = json;
    }

    /** {@code Allow} or {@code Deny}, as a policy document spells it. */
    public String json() {
        return json;
    }
}
