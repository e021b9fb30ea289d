package org.msocap.model;

public enum LicenseStatus {
    ACTIVE, INACTIVE, EXPIRED, SUSPENDED, REVOKED;

    public String id() {
        return name().toLowerCase();
    }
}
