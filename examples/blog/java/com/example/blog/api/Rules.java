package com.example.blog.api;

import com.example.blog.generated.Filter;
import com.example.blog.generated.PostStatus;
import com.example.blog.generated.Principal;
import com.example.blog.generated.RulesBase;
import java.util.List;
import java.util.UUID;

/**
 * Row rules: written once by dbtool and yours to edit. Override a type's method to hide rows from some principals, e.g.
 * <pre>{@code
 * @Override
 * public Filter user(Principal principal) {
 *     return principal.has("admin") ? Filter.ALL : Filter.eq("ownerId", principal.subject());
 * }
 * }</pre>
 * The blog's rule: reviewers ({@code posts:review}) see every post; everyone else sees published posts and their own.
 */
public class Rules extends RulesBase {
    @Override
    public Filter post(Principal principal) {
        if (principal.has("posts:review")) return Filter.ALL;
        Filter published = Filter.eq("status", PostStatus.PUBLISHED);
        // the token's subject is the author's id when it is one of ours (a UUID)
        return isUuid(principal.subject()) ? Filter.or(List.of(published, Filter.eq("authorId", principal.subject()))) : published;
    }

    private static boolean isUuid(String s) {
        if (s == null) return false;
        try {
            UUID.fromString(s);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
