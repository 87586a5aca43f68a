package dev.scvcdk.lambdas.testsupport;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a SigV4 {@code Authorization} header's credential scope; stand-ins check presence and scope, not signatures. */
final class SigV4 {
    private static final Pattern SCOPE =
            Pattern.compile("^AWS4-HMAC-SHA256 Credential=[^/]+/[0-9]{8}/([^/]+)/([^/]+)/aws4_request,");

    private SigV4() {
    }

    /** Whether the {@code Authorization} header is a SigV4 signature with a well-formed credential scope. */
    static boolean signed(String authorization) {
        return scope(authorization) != null;
    }

    /** {region, service}, or null when the request is not SigV4-signed. */
    static String[] scope(String authorization) {
        if (authorization == null) {
            return null;
        }
        Matcher matcher = SCOPE.matcher(authorization);
        return matcher.find() ? new String[] {matcher.group(1), matcher.group(2)} : null;
    }
}
