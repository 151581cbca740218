package com.example.blog.api;

import com.example.blog.generated.Api;
import com.example.blog.generated.TagsResolverBase;

/**
 * The {@code tags} query (list Tag). Written once by dbtool and yours to edit: override the protected hook of {@link TagsResolverBase} to add rules.
 */
public class TagsResolver extends TagsResolverBase {
    public TagsResolver(Api api) {
        super(api);
    }
}
