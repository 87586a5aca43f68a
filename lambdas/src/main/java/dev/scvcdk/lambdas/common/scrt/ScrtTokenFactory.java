package dev.scvcdk.lambdas.common.scrt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.scvcdk.lambdas.common.keys.SecureValueException;
import dev.scvcdk.lambdas.common.snapstart.RandomIds;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Signs the bearer JWT the SCRT API expects: RS256, {@code iss} = org id, {@code sub} = call center API name,
 * {@code aud} = {@value #AUDIENCE}, {@code exp} = now + 5 minutes, and a fresh {@code jti} per token.
 * The time and the id are taken per call, never at init, and the ids come from {@link RandomIds}, re-seeded in every
 * environment restored from a SnapStart snapshot.
 */
public final class ScrtTokenFactory {
    public static final String AUDIENCE = "https://scrt.salesforce.com";
    public static final Duration TOKEN_LIFETIME = Duration.ofMinutes(5);

    private final String orgId;
    private final String callCenterApiName;
    private final Supplier<RSAPrivateKey> key;
    private final Clock clock;
    private final RandomIds ids;

    public ScrtTokenFactory(String orgId, String callCenterApiName, Supplier<RSAPrivateKey> key, Clock clock) {
        this(orgId, callCenterApiName, key, clock, RandomIds.create());
    }

    /** @param ids where each {@code jti} comes from: re-seeded in every environment restored from a snapshot */
    public ScrtTokenFactory(String orgId, String callCenterApiName, Supplier<RSAPrivateKey> key, Clock clock,
                            RandomIds ids) {
        this.orgId = Objects.requireNonNull(orgId, "orgId");
        this.callCenterApiName = Objects.requireNonNull(callCenterApiName, "callCenterApiName");
        this.key = Objects.requireNonNull(key, "key");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    public String newToken() {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(orgId)
                .subject(callCenterApiName)
                .audience(AUDIENCE)
                .expirationTime(Date.from(clock.instant().plus(TOKEN_LIFETIME)))
                .jwtID(ids.next().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key.get()));
        } catch (JOSEException e) {
            throw new SecureValueException("cannot sign the SCRT token: " + e.getMessage(), e);
        }
        return jwt.serialize();
    }
}
