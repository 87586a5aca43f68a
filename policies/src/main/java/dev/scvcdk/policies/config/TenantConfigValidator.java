package dev.scvcdk.policies.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a tenant config against SCV's rules and returns every problem, each naming the field by its
 * JSON path, quoting the value and stating the rule.
 *
 * <p>Null-safe for every field; a value that is an unresolved CDK token passes through unchecked.
 */
public final class TenantConfigValidator {

    /** CDK's string-token encoding (its {@code Token.isUnresolved} test for strings). */
    private static final Pattern CDK_STRING_TOKEN = Pattern.compile("\\$\\{Token\\[[a-zA-Z0-9:._-]+]}");
    private static final Pattern ACCOUNT_ID = Pattern.compile("^\\d{12}$");
    private static final Pattern ORG_ID = Pattern.compile("^00D[a-zA-Z0-9]{12}$");
    private static final Pattern EXTERNAL_ID = Pattern.compile("^[\\w+=,.@:/-]{2,1224}$");
    /** arn:partition:iam::account:policy/optional/path/name (IAM's path and name character sets). */
    private static final Pattern POLICY_ARN =
            Pattern.compile("^arn:([a-z-]+):iam::(\\d{12}):policy/(?:[\\w+=,.@-]+/)*[\\w+=,.@-]{1,128}$");
    /**
     * 25 characters at most: the longest SCV name built from it,
     * {@code <cc>-InvokeTelephonyIntegrationApiFunction} (39 + 1 characters), must fit Lambda's 64.
     */
    private static final Pattern CALL_CENTER_API_NAME = Pattern.compile("^[a-z][a-z0-9_]{0,24}$");
    private static final Pattern REGION = Pattern.compile("^[a-z]{2}(-gov)?-[a-z]+-\\d$");
    private static final Pattern UUID = Pattern.compile(
            "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
    private static final Pattern CONNECT_ALIAS = Pattern.compile("^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,60}[a-zA-Z0-9])?$");
    /** A My Domain name; sandboxes add {@code --<sandbox name>}. */
    private static final String MY_DOMAIN_NAME = "[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?";
    /** Enhanced-domain partitions Salesforce documents for My Domain hosts (sandbox, Developer Edition). */
    private static final String DOMAIN_PARTITION = "(?:(?:sandbox|develop)\\.)?";
    private static final Pattern ORG_DOMAIN_URL = Pattern.compile(
            "^https://" + MY_DOMAIN_NAME + "\\." + DOMAIN_PARTITION + "my\\.salesforce\\.com$", Pattern.CASE_INSENSITIVE);
    private static final Pattern SCRT_URL = Pattern.compile(
            "^https://" + MY_DOMAIN_NAME + "\\." + DOMAIN_PARTITION + "my\\.salesforce-scrt\\.com$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SECRET_ARN = Pattern.compile(
            "^arn:([a-z-]+):secretsmanager:([a-z0-9-]+):(\\d{12}):secret:[\\w/+=.@-]{1,512}$");

    /**
     * Amazon Connect runs in one GovCloud region, so every GovCloud contact center is there. Of SCV's seven features
     * none is refused in GovCloud: the services they need are offered in us-gov-west-1 (Kinesis Video Streams:
     * https://docs.aws.amazon.com/kinesisvideostreams/latest/dg/availability.html; Transcribe, where only Call
     * Analytics, which SCV does not use, is missing: https://docs.aws.amazon.com/govcloud-us/latest/UserGuide/govcloud-tsc.html;
     * Kinesis Data Streams: https://docs.aws.amazon.com/govcloud-us/latest/UserGuide/govcloud-kinesis.html), and
     * Salesforce's GovCloud provisioning policy names every feature's functions and streams
     * (https://github.com/service-cloud-voice/examples-from-doc/blob/main/iam_policies/SCVGovProvisioningPolicy.json).
     */
    static final String GOVCLOUD_CONNECT_REGION = "us-gov-west-1";
    private static final String GOVCLOUD_CONNECT_DOC =
            "https://docs.aws.amazon.com/govcloud-us/latest/UserGuide/govcloud-con.html";

    private static final String ORG_DOMAIN_RULE = "must be the org's My Domain URL "
            + "https://<name>.my.salesforce.com (sandbox: https://<name>--<sandbox>.sandbox.my.salesforce.com), "
            + "with no path, query or trailing slash";
    private static final String SCRT_RULE = "must be the SCRT2 My Domain URL "
            + "https://<name>.my.salesforce-scrt.com (sandbox: https://<name>--<sandbox>.sandbox.my.salesforce-scrt.com), "
            + "with no path, query or trailing slash";

    private TenantConfigValidator() {
    }

    /** Every problem in the config, in field order; empty when the config is valid. */
    public static List<String> validate(TenantConfig config) {
        List<String> problems = new ArrayList<>();
        if (config == null) {
            problems.add("the tenant config is empty: required, a JSON object with the tenant's fields");
            return problems;
        }
        Partition partition = checkPartition(config.partition(), problems);

        checkOptional(problems, "accountId", config.accountId(), ACCOUNT_ID,
                "must be a 12-digit AWS account id, or left out for an environment-agnostic app");
        checkRequired(problems, "salesforceOrgId", config.salesforceOrgId(), ORG_ID,
                "must be a Salesforce org id: 00D followed by 12 letters or digits (^00D[a-zA-Z0-9]{12}$)");
        checkOptional(problems, "salesforceAccountId", config.salesforceAccountId(), ACCOUNT_ID,
                "must be Salesforce's 12-digit AWS account id, or left out for the partition's default");
        checkOptional(problems, "externalId", config.externalId(), EXTERNAL_ID,
                "must be 2 to 1224 characters of letters, digits and +=,.@:/-_ (sts:ExternalId), "
                        + "or left out to use the org id");
        checkBoundaryArn(config, partition, problems);
        // samlMetadataFile names a file beside a config file: the file loader requires it, code passes the XML
        checkContactCenters(config, partition, problems);
        return problems;
    }

    private static Partition checkPartition(String partition, List<String> problems) {
        if (partition == null || skip(partition)) {
            return partition == null ? Partition.AWS : null;
        }
        if (!Partition.ids().contains(partition)) {
            problems.add(bad("partition", partition, "must be one of " + String.join(", ", Partition.ids())));
            return null;
        }
        return Partition.fromId(partition);
    }

    private static void checkBoundaryArn(TenantConfig config, Partition partition, List<String> problems) {
        String arn = config.permissionBoundaryArn();
        if (arn == null || skip(arn)) {
            return;
        }
        String shape = "must be an IAM managed policy ARN arn:<partition>:iam::<12-digit account>:policy/<path/>name, "
                + "or left out to let the stack create the SCV boundary";
        Matcher m = POLICY_ARN.matcher(arn);
        if (!m.matches()) {
            problems.add(bad("permissionBoundaryArn", arn, shape));
            return;
        }
        if (partition != null && !m.group(1).equals(partition.id())) {
            problems.add(bad("permissionBoundaryArn", arn,
                    "must be in the config's partition '" + partition.id() + "' (arn:" + partition.id() + ":iam::...)"));
        }
        String account = config.accountId();
        if (account != null && ACCOUNT_ID.matcher(account).matches() && !m.group(2).equals(account)) {
            problems.add(bad("permissionBoundaryArn", arn,
                    "must be a policy of this account " + account + " (a boundary is attached in the role's own account)"));
        }
    }

    private static void checkContactCenters(TenantConfig config, Partition partition, List<String> problems) {
        List<ContactCenterConfig> centers = config.contactCenters();
        if (centers == null || centers.isEmpty()) {
            problems.add((centers == null ? "contactCenters is missing" : "contactCenters is empty")
                    + ": required, a list of at least one contact center");
            return;
        }
        Map<String, Integer> firstByName = new HashMap<>();
        Map<String, Integer> firstByInstance = new HashMap<>();
        for (int i = 0; i < centers.size(); i++) {
            String at = "contactCenters[" + i + "]";
            // TenantConfig's List.copyOf already rejects null entries.
            ContactCenterConfig cc = centers.get(i);
            checkCallCenterApiName(at, cc.callCenterApiName(), problems);
            checkRegion(at, cc.region(), partition, problems);
            checkRequired(problems, at + ".connectInstanceId", cc.connectInstanceId(), UUID,
                    "must be the Amazon Connect instance id, a lower-case UUID "
                            + "(xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)");
            checkRequired(problems, at + ".connectInstanceAlias", cc.connectInstanceAlias(), CONNECT_ALIAS,
                    "must be the Amazon Connect instance alias: 1 to 62 letters, digits or hyphens, "
                            + "starting and ending with a letter or digit");
            checkRequired(problems, at + ".orgDomainUrl", cc.orgDomainUrl(), ORG_DOMAIN_URL, ORG_DOMAIN_RULE);
            checkRequired(problems, at + ".scrtUrl", cc.scrtUrl(), SCRT_URL, SCRT_RULE);
            String environment = cc.environment();
            if (environment != null && !skip(environment)
                    && !environment.equals(Environment.PRODUCTION.name())
                    && !environment.equals(Environment.SANDBOX.name())) {
                problems.add(bad(at + ".environment", environment,
                        "must be PRODUCTION or SANDBOX, or left out for PRODUCTION"));
            }
            checkSecretArn(at, cc, partition, config.accountId(), problems);

            String name = cc.callCenterApiName();
            if (name != null && !skip(name)) {
                Integer first = firstByName.putIfAbsent(name, i);
                if (first != null) {
                    problems.add(bad(at + ".callCenterApiName", name,
                            "must be unique across contactCenters; contactCenters[" + first + "] already uses it"));
                }
            }
            if (cc.region() != null && cc.connectInstanceId() != null
                    && !skip(cc.region()) && !skip(cc.connectInstanceId())) {
                String key = cc.region() + "/" + cc.connectInstanceId();
                Integer first = firstByInstance.putIfAbsent(key, i);
                if (first != null) {
                    problems.add(at + " (region \"" + cc.region() + "\", connectInstanceId \"" + cc.connectInstanceId()
                            + "\"): each Amazon Connect instance may back only one contact center; contactCenters["
                            + first + "] already uses it");
                }
            }
        }
    }

    private static void checkCallCenterApiName(String at, String name, List<String> problems) {
        String field = at + ".callCenterApiName";
        String rule = "must be the Salesforce call center API name in lower case: a letter, then letters, digits or "
                + "single underscores, not ending in an underscore, at most 25 characters so that "
                + "'<name>-InvokeTelephonyIntegrationApiFunction' fits Lambda's 64-character limit";
        if (name == null) {
            problems.add(missing(field, rule));
        } else if (!skip(name)
                && (!CALL_CENTER_API_NAME.matcher(name).matches() || name.contains("__") || name.endsWith("_"))) {
            problems.add(bad(field, name, rule));
        }
    }

    private static void checkRegion(String at, String region, Partition partition, List<String> problems) {
        String field = at + ".region";
        if (region == null) {
            problems.add(missing(field, "the AWS region of the contact center's Amazon Connect instance"));
        } else if (!skip(region)) {
            if (!REGION.matcher(region).matches()) {
                problems.add(bad(field, region, "must be an AWS region name such as us-west-2 or us-gov-west-1"));
            } else if (partition != null && !partition.containsRegion(region)) {
                problems.add(bad(field, region, "must be a region of the config's partition '" + partition.id() + "'"));
            } else if (partition == Partition.AWS_US_GOV && !region.equals(GOVCLOUD_CONNECT_REGION)) {
                problems.add(bad(field, region, "must be " + GOVCLOUD_CONNECT_REGION + ": Amazon Connect in AWS "
                        + "GovCloud (US) is available in AWS GovCloud (US-West) only (" + GOVCLOUD_CONNECT_DOC + ")"));
            }
        }
    }

    private static void checkSecretArn(String at, ContactCenterConfig cc, Partition partition, String accountId,
                                       List<String> problems) {
        String arn = cc.salesforceCredentialsSecretArn();
        if (arn == null || skip(arn)) {
            return;
        }
        String field = at + ".salesforceCredentialsSecretArn";
        Matcher m = SECRET_ARN.matcher(arn);
        if (!m.matches()) {
            problems.add(bad(field, arn, "must be a Secrets Manager secret ARN "
                    + "arn:<partition>:secretsmanager:<region>:<12-digit account>:secret:<name>, "
                    + "or left out to let the stack create the secret"));
            return;
        }
        if (partition != null && !m.group(1).equals(partition.id())) {
            problems.add(bad(field, arn, "must be in the config's partition '" + partition.id() + "'"));
        }
        if (cc.region() != null && !m.group(2).equals(cc.region())) {
            problems.add(bad(field, arn, "must be in the contact center's region '" + cc.region() + "'"));
        }
        if (accountId != null && ACCOUNT_ID.matcher(accountId).matches() && !m.group(3).equals(accountId)) {
            problems.add(bad(field, arn, "must be a secret of this account " + accountId));
        }
    }

    private static void checkRequired(List<String> problems, String field, String value, Pattern pattern,
                                      String rule) {
        if (value == null) {
            problems.add(missing(field, rule));
        } else if (!skip(value) && !pattern.matcher(value).matches()) {
            problems.add(bad(field, value, rule));
        }
    }

    private static void checkOptional(List<String> problems, String field, String value, Pattern pattern,
                                      String rule) {
        if (value != null && !skip(value) && !pattern.matcher(value).matches()) {
            problems.add(bad(field, value, rule));
        }
    }

    private static String bad(String field, String value, String rule) {
        return field + " = \"" + value + "\": " + rule;
    }

    private static String missing(String field, String rule) {
        return field + " is missing: required, " + rule;
    }

    /**
     * Unresolved CDK tokens are checked by CloudFormation, not here. A token in a string is CDK's
     * encoding {@code ${Token[<name>.<n>]}}; recognised by its text, so this module needs no CDK.
     */
    private static boolean skip(String value) {
        return CDK_STRING_TOKEN.matcher(Objects.requireNonNull(value)).find();
    }
}
