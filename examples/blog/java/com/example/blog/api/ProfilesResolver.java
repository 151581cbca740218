package com.example.blog.api;

import com.example.blog.generated.Api;
import com.example.blog.generated.ProfilesResolverBase;

/**
 * The {@code profiles} query (list Profile). Written once by dbtool and yours to edit: override the protected hook of {@link ProfilesResolverBase} to add rules.
 */
public class ProfilesResolver extends ProfilesResolverBase {
    public ProfilesResolver(Api api) {
        super(api);
    }
}
