package com.example.blog.api;

import com.example.blog.generated.Api;
import com.example.blog.generated.DeleteManyCommentsResolverBase;

/**
 * The {@code deleteManyComments} mutation (deleteMany Comment). Written once by dbtool and yours to edit: override the protected hook of {@link DeleteManyCommentsResolverBase} to add rules.
 */
public class DeleteManyCommentsResolver extends DeleteManyCommentsResolverBase {
    public DeleteManyCommentsResolver(Api api) {
        super(api);
    }
}
