package com.example.blog.api;

import com.example.blog.generated.Api;
import com.example.blog.generated.GroupByFollowNoteResolverBase;

/**
 * The {@code groupByFollowNote} query (groupBy FollowNote). Written once by dbtool and yours to edit: override the protected hook of {@link GroupByFollowNoteResolverBase} to add rules.
 */
public class GroupByFollowNoteResolver extends GroupByFollowNoteResolverBase {
    public GroupByFollowNoteResolver(Api api) {
        super(api);
    }
}
