package dev.dbtool.core.model;

import java.util.List;
import java.util.Optional;

/** The validated, immutable schema model every generator reads. */
public record Schema(Datasource datasource, List<Generator> generators, List<Model> models, List<EnumType> enums,
                     List<Relation> relations, List<Job> jobs) {

    public Optional<Model> model(String name) {
        for (Model m : models) if (m.name().equals(name)) return Optional.of(m);
        return Optional.empty();
    }

    public Optional<EnumType> enumType(String name) {
        for (EnumType e : enums) if (e.name().equals(name)) return Optional.of(e);
        return Optional.empty();
    }

    public Optional<Job> job(String name) {
        for (Job j : jobs) if (j.name().equals(name)) return Optional.of(j);
        return Optional.empty();
    }
}
