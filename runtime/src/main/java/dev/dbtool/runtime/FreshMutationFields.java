package dev.dbtool.runtime;

import graphql.execution.instrumentation.FieldFetchingInstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.language.OperationDefinition;
import org.dataloader.DataLoader;

/**
 * Each root field of a mutation reads what the fields before it wrote. The request's DataLoaders cache what they
 * loaded, so without this {@code a: updateMember(…) { team { name } } b: updateMember(…) { team { name } }} would
 * give {@code b} the team as {@code a} read it, before {@code b}'s own write. Mutation fields run one after another,
 * so clearing the caches as each begins drops only what is done with.
 */
public final class FreshMutationFields extends SimplePerformantInstrumentation {
    public static final FreshMutationFields INSTANCE = new FreshMutationFields();

    private FreshMutationFields() {}

    @Override
    public FieldFetchingInstrumentationContext beginFieldFetching(InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
        OperationDefinition op = parameters.getExecutionContext().getOperationDefinition();
        if (op.getOperation() == OperationDefinition.Operation.MUTATION && parameters.getExecutionStepInfo().getPath().getLevel() == 1) {
            for (DataLoader<?, ?> loader : parameters.getExecutionContext().getDataLoaderRegistry().getDataLoaders()) loader.clearAll();
        }
        return super.beginFieldFetching(parameters, state);
    }
}
