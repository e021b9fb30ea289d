package org.msocap.model;

import java.time.LocalDate;
import java.util.List;

/**
 * Anyone who holds anything or sits anywhere: a natural person or an entity (fund, company, trust).
 *
 * @param refersPatients in a position to refer patients to, or generate business for, the venture (AKS)
 * @param privateEquity a private-equity group or hedge fund (California SB 351, AB 1415)
 * @param incidentalMsoHolding the person's MSO equity is incidental and without relation to compensation (Oregon
 *        SB 951's exception for physicians); the law gives no threshold, so it is the reviewer's finding
 */
public record Person(String id, String name, Type type, List<License> licenses, boolean refersPatients,
                     boolean privateEquity, boolean incidentalMsoHolding) {

    public enum Type {
        PERSON, ENTITY;

        public String id() {
            return name().toLowerCase();
        }
    }

    public Person {
        Checks.id(id, "id");
        Checks.text(name, "name");
        type = type == null ? Type.PERSON : type;
        licenses = Checks.list(licenses);
        if (type == Type.ENTITY && !licenses.isEmpty()) {
            throw new ModelException("licenses", "licenses belong to people, but " + id + " is an entity");
        }
    }

    public Person(String id, String name, Type type, List<License> licenses, boolean refersPatients, boolean privateEquity) {
        this(id, name, type, licenses, refersPatients, privateEquity, false);
    }

    public static Person lay(String id, String name) {
        return new Person(id, name, Type.PERSON, List.of(), false, false);
    }

    public static Person clinician(String id, String name, License... licenses) {
        return new Person(id, name, Type.PERSON, List.of(licenses), false, false);
    }

    public static Person entity(String id, String name) {
        return new Person(id, name, Type.ENTITY, List.of(), false, false);
    }

    public Person withRefersPatients(boolean refers) {
        return new Person(id, name, type, licenses, refers, privateEquity, incidentalMsoHolding);
    }

    public Person withPrivateEquity(boolean pe) {
        return new Person(id, name, type, licenses, refersPatients, pe, incidentalMsoHolding);
    }

    public Person withIncidentalMsoHolding(boolean incidental) {
        return new Person(id, name, type, licenses, refersPatients, privateEquity, incidental);
    }

    public boolean isEntity() {
        return type == Type.ENTITY;
    }

    /** Holds at least one license that is active on {@code date}. */
    public boolean isLicensedOn(LocalDate date) {
        return licenses.stream().anyMatch(l -> l.isActiveOn(date));
    }

    /** Holds a license of {@code profession} active on {@code date}, in any state. */
    public boolean isLicensedOn(LocalDate date, String profession) {
        return licenses.stream().anyMatch(l -> l.isActiveOn(date) && l.profession().equals(profession));
    }

    public HolderCategory categoryOn(LocalDate date) {
        if (isEntity()) {
            return HolderCategory.ENTITY;
        }
        return isLicensedOn(date) ? HolderCategory.CLINICIAN : HolderCategory.LAY;
    }
}
