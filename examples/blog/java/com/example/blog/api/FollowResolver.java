package com.example.blog.api;

import com.example.blog.generated.Api;
import com.example.blog.generated.FollowResolverBase;

/**
 * The {@code follow} query (get Follow). Written once by dbtool and yours to edit: override the protected hook of {@link FollowResolverBase} to add rules.
 */
public class FollowResolver extends FollowResolverBase {
    public FollowResolver(Api api) {
        super(api);
    }
}
