package com.example.springblog.api;

import com.example.springblog.generated.Api;
import com.example.springblog.generated.CreatePostResolverBase;

/**
 * The {@code createPost} mutation (create Post). Written once by dbtool and yours to edit: override the protected hook of {@link CreatePostResolverBase} to add rules.
 */
public class CreatePostResolver extends CreatePostResolverBase {
    public CreatePostResolver(Api api) {
        super(api);
    }
}
