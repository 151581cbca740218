package com.example.blog.api;

import com.example.blog.generated.Api;
import com.example.blog.generated.CreateCommentResolverBase;

/**
 * The {@code createComment} mutation (create Comment). Written once by dbtool and yours to edit: override the protected hook of {@link CreateCommentResolverBase} to add rules.
 */
public class CreateCommentResolver extends CreateCommentResolverBase {
    public CreateCommentResolver(Api api) {
        super(api);
    }
}
