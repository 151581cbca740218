package com.example.blog.api;

import com.example.blog.generated.Api;
import com.example.blog.generated.UpdateManyPostsResolverBase;

/**
 * The {@code updateManyPosts} mutation (updateMany Post). Written once by dbtool and yours to edit: override the protected hook of {@link UpdateManyPostsResolverBase} to add rules.
 */
public class UpdateManyPostsResolver extends UpdateManyPostsResolverBase {
    public UpdateManyPostsResolver(Api api) {
        super(api);
    }
}
