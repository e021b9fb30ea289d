package org.msocap.model;

import java.util.AbstractList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * The venture's people as an immutable list that also finds a person by id in constant time. Engines and
 * checks ask the venture for a person once per holding, shareholding and position; with ten thousand holders
 * a scan of the list per question made {@code check} quadratic.
 */
final class IndexedPeople extends AbstractList<Person> implements RandomAccess {

    private final List<Person> people;
    private final Map<String, Person> byId;

    private IndexedPeople(List<Person> people) {
        this.people = people;
        this.byId = new HashMap<>(people.size() * 2);
        // The first person with an id wins, as a scan would find; duplicate ids are refused by the venture anyway.
        people.forEach(p -> byId.putIfAbsent(p.id(), p));
    }

    static IndexedPeople of(List<Person> people) {
        return people instanceof IndexedPeople indexed ? indexed : new IndexedPeople(Checks.list(people));
    }

    /** The person with this id, or null. */
    Person byId(String id) {
        return byId.get(id);
    }

    java.util.Set<String> ids() {
        return byId.keySet();
    }

    @Override
    public Person get(int index) {
        return people.get(index);
    }

    @Override
    public int size() {
        return people.size();
    }
}
