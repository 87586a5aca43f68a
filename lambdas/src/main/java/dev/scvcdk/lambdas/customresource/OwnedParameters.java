package dev.scvcdk.lambdas.customresource;

import dev.scvcdk.lambdas.common.aws.AwsApiException;
import dev.scvcdk.lambdas.common.aws.SsmApi;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * SecureString parameters that custom resources create, mark as theirs, and remove only when they made them.
 *
 * <p>A parameter is created (never overwritten) with the tag {@value #OWNER_TAG} = the resource's
 * {@link CfnRequest#ownerMark() owner mark}; Delete removes a parameter only when that tag matches, so a
 * parameter that existed before the stack, or belongs to another stack, survives. Values are never logged
 * or put into an exception message.
 */
public final class OwnedParameters {

    /** The tag that records which custom resource created a parameter. */
    public static final String OWNER_TAG = "scv:created-by";
    /** The largest value a Standard-tier parameter holds. */
    public static final int MAX_STANDARD_VALUE_LENGTH = 4096;

    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_.\\-/]+");
    private static final int MAX_NAME_LENGTH = 1011;
    private static final int MAX_HIERARCHY_LEVELS = 15;
    private static final int MAX_TAG_VALUE_LENGTH = 256;
    private static final Pattern TAG_VALUE = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

    /** What Delete did. */
    public enum Deletion { DELETED, NOT_OWNED, ALREADY_GONE }

    private final SsmApi ssm;

    public OwnedParameters(SsmApi ssm) {
        this.ssm = ssm;
    }

    /**
     * Why {@code name} cannot name an SSM parameter, per the SSM naming rules; empty when it can.
     * The message names the property, the value and the rule.
     */
    public static Optional<String> nameProblem(String property, String name) {
        String quoted = property + " '" + name + "'";
        if (name.length() > MAX_NAME_LENGTH) {
            return Optional.of(property + " is " + name.length() + " characters; an SSM parameter name has at most "
                    + MAX_NAME_LENGTH);
        }
        if (!NAME.matcher(name).matches()) {
            return Optional.of(quoted + " is invalid; an SSM parameter name may only contain a-z, A-Z, 0-9, "
                    + "'_', '.', '-' and '/'");
        }
        String lower = name.toLowerCase(Locale.ROOT);
        String first = lower.startsWith("/") ? lower.substring(1) : lower;
        if (first.startsWith("aws") || first.startsWith("ssm")) {
            return Optional.of(quoted + " is invalid; an SSM parameter name must not begin with 'aws' or 'ssm'");
        }
        if (name.indexOf('/') >= 0) {
            if (!name.startsWith("/")) {
                return Optional.of(quoted + " is invalid; a hierarchical SSM parameter name must begin with '/'");
            }
            if (name.split("/", -1).length - 1 > MAX_HIERARCHY_LEVELS) {
                return Optional.of(quoted + " is invalid; an SSM parameter name has at most "
                        + MAX_HIERARCHY_LEVELS + " hierarchy levels");
            }
        }
        return Optional.empty();
    }

    /** The parameter's value, or empty when it does not exist. */
    public Optional<String> read(String name, boolean decrypt) {
        try {
            return Optional.of(ssm.getParameter(name, decrypt).value());
        } catch (AwsApiException e) {
            if (e.is(SsmApi.PARAMETER_NOT_FOUND)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public boolean exists(String name) {
        return read(name, false).isPresent();
    }

    /**
     * Creates the SecureString marked as owned by {@code ownerMark}.
     *
     * @param keyId       the KMS key, or {@code null} for the account's {@code alias/aws/ssm}
     * @param description a description, or {@code null}
     * @return false, changing nothing, when the parameter already exists
     */
    public boolean createIfAbsent(String name, String value, String keyId, String description, String ownerMark) {
        try {
            ssm.putSecureString(name, value, false, keyId, description, Map.of(OWNER_TAG, ownerTagValue(ownerMark)));
            return true;
        } catch (AwsApiException e) {
            if (e.is(SsmApi.PARAMETER_ALREADY_EXISTS)) {
                return false;
            }
            throw e;
        }
    }

    /** Writes {@code value} whether or not the parameter exists; an existing parameter keeps its tags. */
    public void overwrite(String name, String value) {
        ssm.putSecureString(name, value, true, null, null, Map.of());
    }

    /** Deletes the parameter only when its owner tag is {@code ownerMark}; a missing parameter is already gone. */
    public Deletion deleteIfOwned(String name, String ownerMark) {
        if (nameProblem("name", name).isPresent()) {
            // No parameter can have this name (e.g. the id of a failed Create): nothing to delete.
            return Deletion.ALREADY_GONE;
        }
        boolean owned;
        try {
            String expected = ownerTagValue(ownerMark);
            owned = expected.equals(ssm.listParameterTags(name).get(OWNER_TAG));
        } catch (AwsApiException e) {
            if (e.is(SsmApi.INVALID_RESOURCE_ID, SsmApi.PARAMETER_NOT_FOUND)) {
                return Deletion.ALREADY_GONE;
            }
            throw e;
        }
        if (!owned) {
            return Deletion.NOT_OWNED;
        }
        try {
            ssm.deleteParameter(name);
            return Deletion.DELETED;
        } catch (AwsApiException e) {
            if (e.is(SsmApi.PARAMETER_NOT_FOUND)) {
                return Deletion.ALREADY_GONE;
            }
            throw e;
        }
    }

    /**
     * The tag value for an owner mark. Tag values hold at most 256 characters from a small set; a longer mark
     * (a long stack name and logical id) is replaced by {@code sha256:<hex>} of itself, which stays unique.
     */
    static String ownerTagValue(String ownerMark) {
        if (ownerMark.length() <= MAX_TAG_VALUE_LENGTH && TAG_VALUE.matcher(ownerMark).matches()) {
            return ownerMark;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(ownerMark.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
