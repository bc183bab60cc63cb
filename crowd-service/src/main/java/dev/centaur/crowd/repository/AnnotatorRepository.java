package dev.centaur.crowd.repository;

import dev.centaur.crowd.service.Annotator;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class AnnotatorRepository implements PanacheRepositoryBase<Annotator, String> {

    public Optional<Annotator> findByTokenSha256(String tokenSha256) {
        return find("tokenSha256", tokenSha256).firstResultOptional();
    }

    public List<Annotator> listOldestFirst() {
        return listAll(Sort.by("createdAt").and("annotatorId"));
    }
}
