package com.example.blog.api;

import com.example.blog.generated.Api;
import com.example.blog.generated.CreateManyPostsResolverBase;

/**
 * The {@code createManyPosts} mutation (createMany Post). Written once by dbtool and yours to edit: override the protected hook of {@link CreateManyPostsResolverBase} to add rules.
 */
public class CreateManyPostsResolver extends CreateManyPostsResolverBase {
    public CreateManyPostsResolver(Api api) {
        super(api);
    }
}
