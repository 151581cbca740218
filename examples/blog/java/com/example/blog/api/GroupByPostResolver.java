package com.example.blog.api;

import com.example.blog.generated.Api;
import com.example.blog.generated.GroupByPostResolverBase;

/**
 * The {@code groupByPost} query (groupBy Post). Written once by dbtool and yours to edit: override the protected hook of {@link GroupByPostResolverBase} to add rules.
 */
public class GroupByPostResolver extends GroupByPostResolverBase {
    public GroupByPostResolver(Api api) {
        super(api);
    }
}
