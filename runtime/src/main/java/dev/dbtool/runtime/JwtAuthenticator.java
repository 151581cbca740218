package dev.dbtool.runtime;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Verifies bearer tokens (Nimbus JOSE + JWT): HS256 with a shared secret ({@code JWT_SECRET}, at least 32 bytes)
 * and/or RS256 with an RSA public key ({@code JWT_PUBLIC_KEY}, PEM). {@code exp} and {@code sub} are required, the
 * clock skew is 60 s, {@code JWT_ISSUER} / {@code JWT_AUDIENCE} are checked when set; any other algorithm (including
 * {@code none}) is refused. Scopes come from {@code scope} (space-separated, OAuth 2) or {@code scp} / {@code scopes}.
 */
public final class JwtAuthenticator {
    private final DefaultJWTProcessor<SecurityContext> processor;

    public JwtAuthenticator(String hs256Secret, String rs256PublicKeyPem, String issuer, String audience) {
        List<JWK> keys = new ArrayList<>();
        Set<JWSAlgorithm> algorithms = new LinkedHashSet<>();
        if (hs256Secret != null && !hs256Secret.isEmpty()) {
            byte[] secret = hs256Secret.getBytes(StandardCharsets.UTF_8);
            if (secret.length < 32) throw new IllegalArgumentException("JWT_SECRET must be at least 32 bytes for HS256.");
            keys.add(new OctetSequenceKey.Builder(secret).algorithm(JWSAlgorithm.HS256).build());
            algorithms.add(JWSAlgorithm.HS256);
        }
        if (rs256PublicKeyPem != null && !rs256PublicKeyPem.isBlank()) {
            keys.add(new RSAKey.Builder(rsaPublicKey(rs256PublicKeyPem)).algorithm(JWSAlgorithm.RS256).build());
            algorithms.add(JWSAlgorithm.RS256);
        }
        if (keys.isEmpty()) throw new IllegalArgumentException("Set JWT_SECRET (HS256) or JWT_PUBLIC_KEY (RS256) to accept bearer tokens.");
        processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithms, new ImmutableJWKSet<>(new JWKSet(keys))));
        JWTClaimsSet.Builder exact = new JWTClaimsSet.Builder();
        if (issuer != null && !issuer.isBlank()) exact.issuer(issuer);
        DefaultJWTClaimsVerifier<SecurityContext> verifier = new DefaultJWTClaimsVerifier<>(
                audience == null || audience.isBlank() ? null : audience, exact.build(), new HashSet<>(List.of("exp", "sub")));
        verifier.setMaxClockSkew(60);
        processor.setJWTClaimsSetVerifier(verifier);
    }

    /** From {@code JWT_SECRET}, {@code JWT_PUBLIC_KEY}, {@code JWT_ISSUER}, {@code JWT_AUDIENCE}; null when neither key is set. */
    public static JwtAuthenticator fromEnvironment() {
        String secret = System.getenv("JWT_SECRET");
        String pem = System.getenv("JWT_PUBLIC_KEY");
        if ((secret == null || secret.isEmpty()) && (pem == null || pem.isBlank())) return null;
        return new JwtAuthenticator(secret, pem, System.getenv("JWT_ISSUER"), System.getenv("JWT_AUDIENCE"));
    }

    /** The principal of a valid token; UNAUTHENTICATED (with a reason safe to show) otherwise. */
    public Principal authenticate(String token) {
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (ParseException e) {
            throw ApiException.unauthenticated("The bearer token is not a JWT.");
        } catch (BadJOSEException e) {
            String reason = e.getMessage() == null ? "" : e.getMessage();
            throw ApiException.unauthenticated(reason.contains("xpired") ? "The bearer token has expired." : "The bearer token is not valid.");
        } catch (JOSEException e) {
            throw ApiException.unauthenticated("The bearer token is not valid.");
        }
        Set<String> scopes = new LinkedHashSet<>();
        try {
            String scope = claims.getStringClaim("scope");
            if (scope != null) for (String s : scope.trim().split("\\s+")) if (!s.isEmpty()) scopes.add(s);
            for (String name : List.of("scp", "scopes")) {
                Object v = claims.getClaim(name);
                if (v instanceof List<?> list) for (Object s : list) scopes.add(String.valueOf(s));
                else if (v instanceof String s) for (String each : s.trim().split("\\s+")) if (!each.isEmpty()) scopes.add(each);
            }
        } catch (ParseException e) {
            throw ApiException.unauthenticated("The bearer token's scope claim is malformed.");
        }
        return new Principal(claims.getSubject(), scopes);
    }

    private static RSAPublicKey rsaPublicKey(String pem) {
        String body = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (java.security.GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalArgumentException("JWT_PUBLIC_KEY is not a PEM-encoded RSA public key (-----BEGIN PUBLIC KEY-----).");
        }
    }
}
