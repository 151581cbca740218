package dev.dbtool.examples.blog;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/** Test tokens: HS256 with the shared secret, RS256 with a key pair made for the test run, and bad ones. */
public final class Tokens {
    public static final String SECRET = "blog-example-test-secret-of-at-least-32-bytes";
    public static final String ISSUER = "https://auth.blog.example";
    private static final KeyPair RSA = rsa();
    private static final KeyPair OTHER_RSA = rsa();

    private Tokens() {}

    public static String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(RSA.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }

    public static String hs256(String subject, String scope) { return hs256(subject, scope, Instant.now().plusSeconds(600), SECRET); }

    public static String hs256(String subject, String scope, Instant expires, String secret) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims(subject, scope, expires));
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String rs256(String subject, String scope, boolean trustedKey) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims(subject, scope, Instant.now().plusSeconds(600)));
            jwt.sign(new RSASSASigner((trustedKey ? RSA : OTHER_RSA).getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An unsigned token ({@code alg: none}) with every scope: must never be accepted. */
    public static String unsigned(String subject, String scope) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String body = b64.encodeToString(claims(subject, scope, Instant.now().plusSeconds(600)).toString().getBytes(StandardCharsets.UTF_8));
        return header + "." + body + ".";
    }

    private static JWTClaimsSet claims(String subject, String scope, Instant expires) {
        return new JWTClaimsSet.Builder().subject(subject).issuer(ISSUER).claim("scope", scope).expirationTime(Date.from(expires))
                .issueTime(new Date()).build();
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
