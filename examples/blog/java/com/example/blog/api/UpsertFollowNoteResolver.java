package com.example.blog.api;

import com.example.blog.generated.Api;
import com.example.blog.generated.UpsertFollowNoteResolverBase;

/**
 * The {@code upsertFollowNote} mutation (upsert FollowNote). Written once by dbtool and yours to edit: override the protected hook of {@link UpsertFollowNoteResolverBase} to add rules.
 */
public class UpsertFollowNoteResolver extends UpsertFollowNoteResolverBase {
    public UpsertFollowNoteResolver(Api api) {
        super(api);
    }
}
