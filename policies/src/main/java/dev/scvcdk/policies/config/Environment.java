package dev.scvcdk.policies.config;

/** The kind of Salesforce org a contact center belongs to; decides the OAuth audience. */
public enum Environment {
    PRODUCTION("https://login.salesforce.com/"),
    SANDBOX("https://test.salesforce.com/");

    private final String oauthAudience;

    Environment(String oauthAudience) {
        this.oauthAudience = oauthAudience;
    }

    /** Value of the {@code <cc>-salesforce-rest-api-audience} parameter. */
    public String oauthAudience() {
        return oauthAudience;
    }
}
