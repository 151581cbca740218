package com.example.blog.api;

import com.example.blog.generated.Api;
import com.example.blog.generated.FollowsResolverBase;

/**
 * The {@code follows} query (list Follow). Written once by dbtool and yours to edit: override the protected hook of {@link FollowsResolverBase} to add rules.
 */
public class FollowsResolver extends FollowsResolverBase {
    public FollowsResolver(Api api) {
        super(api);
    }
}
