package com.example.springblog;

import com.example.springblog.generated.Api;
import com.example.springblog.generated.CacheConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The application around the generated API: the generated {@code DbtoolGraphQlConfiguration} (found by component scan)
 * serves it through Spring for GraphQL; this class gives it its {@code Api} (with the Redis cache layer when
 * {@code blog.redis-url} is set) and Spring Security's resource server for HS256 JWTs. Requests without a token are
 * anonymous: the schema's {@code @@auth} scopes decide what they may read.
 */
@SpringBootApplication
public class SpringBlogApplication {
    public static void main(String[] args) {
        // Liquibase (run by Spring Boot at start) reports usage unless told not to
        if (System.getProperty("liquibase.analytics.enabled") == null) System.setProperty("liquibase.analytics.enabled", "false");
        SpringApplication.run(SpringBlogApplication.class, args);
    }

    @Bean(destroyMethod = "close")
    Api api(DataSource dataSource, @Value("${blog.redis-url:}") String redisUrl) {
        if (redisUrl.isBlank()) return Api.create(dataSource, Api.defaultConfig());
        return Api.create(dataSource, Api.defaultConfig(), new CacheConfig(redisUrl, null, "spring-blog", Duration.ofMillis(500), Map.of(), false));
    }

    @Bean
    SecurityFilterChain security(HttpSecurity http) throws Exception {
        return http.csrf(c -> c.disable())
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .oauth2ResourceServer(o -> o.jwt(Customizer.withDefaults()))
                .build();
    }

    @Bean
    JwtDecoder jwtDecoder(@Value("${blog.jwt-secret}") String secret) {
        return NimbusJwtDecoder.withSecretKey(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256")).build();
    }
}
