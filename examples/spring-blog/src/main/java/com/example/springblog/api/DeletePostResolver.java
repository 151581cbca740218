package com.example.springblog.api;

import com.example.springblog.generated.Api;
import com.example.springblog.generated.DeletePostResolverBase;

/**
 * The {@code deletePost} mutation (delete Post). Written once by dbtool and yours to edit: override the protected hook of {@link DeletePostResolverBase} to add rules.
 */
public class DeletePostResolver extends DeletePostResolverBase {
    public DeletePostResolver(Api api) {
        super(api);
    }
}
