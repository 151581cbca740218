package com.example.blog.api;

import com.example.blog.generated.Api;
import com.example.blog.generated.CreateProfileResolverBase;

/**
 * The {@code createProfile} mutation (create Profile). Written once by dbtool and yours to edit: override the protected hook of {@link CreateProfileResolverBase} to add rules.
 */
public class CreateProfileResolver extends CreateProfileResolverBase {
    public CreateProfileResolver(Api api) {
        super(api);
    }
}
