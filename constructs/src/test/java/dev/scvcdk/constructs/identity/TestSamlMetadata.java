package dev.scvcdk.constructs.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The test SAML metadata document (self-signed certificate made for these tests). */
public final class TestSamlMetadata {
    private TestSamlMetadata() {
    }

    public static Path path() {
        try {
            return Path.of(TestSamlMetadata.class.getResource("/identity/saml-metadata.test.xml").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String xml() {
        try {
            return Files.readString(path());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
