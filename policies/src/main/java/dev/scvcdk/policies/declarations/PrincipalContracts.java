package dev.scvcdk.policies.declarations;

import dev.scvcdk.policies.RoleNames;
import dev.scvcdk.policies.ScvNames;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The calls of the roles Salesforce and AWS services assume that use the tenant's keys, declared once: their
 * statements and the key policies naming them derive from here.
 */
public final class PrincipalContracts {
    /** Suffix of {@code <cc>-SCVS3Role}: per contact center. */
    public static final String S3_ROLE = "SCVS3Role";

    /** Amazon Connect puts Contact Lens segments on the Contact Lens streams, encrypting with the stream key. */
    public static final PrincipalContract CONTACT_LENS_STREAMING = new PrincipalContract(
            RoleNames.CONTACT_LENS_STREAMING, false,
            List.of(new Call("PutContactLensRecords", List.of("kinesis:DescribeStream", "kinesis:PutRecord",
                    "kinesis:PutRecords"), Target.contactLensStream(), Map.of(),
                    Optional.of(new KeyUse(TenantKey.STREAM, "kinesis", List.of("kms:GenerateDataKey"))),
                    "Connect streams Contact Lens segments")));

    /** Salesforce stores and reads voicemail objects. */
    public static final PrincipalContract TENANT_BUCKET_WRITE_ACCESS = new PrincipalContract(
            RoleNames.TENANT_BUCKET_WRITE_ACCESS, false, List.of(FunctionContracts.READ_WRITE_VOICEMAIL));

    /** Salesforce reads call recordings of its contact center (per contact center). */
    public static final PrincipalContract S3 = new PrincipalContract(S3_ROLE, true,
            List.of(Call.of("ReadRecordings", Target.tenantObjects(ScvNames.RECORDINGS_PREFIX),
                    "Salesforce plays call recordings", "s3:GetObject")
                    .withKey(KeyUse.decrypt(TenantKey.BUCKET, "s3"))));

    private static final List<PrincipalContract> ALL = List.of(CONTACT_LENS_STREAMING, TENANT_BUCKET_WRITE_ACCESS, S3);

    private PrincipalContracts() {
    }

    public static List<PrincipalContract> all() {
        return ALL;
    }

    /** The role name in contact center {@code callCenter}. */
    public static String roleNameIn(PrincipalContract contract, String callCenter) {
        return contract.perContactCenter() ? callCenter + "-" + contract.roleName() : contract.roleName();
    }
}
