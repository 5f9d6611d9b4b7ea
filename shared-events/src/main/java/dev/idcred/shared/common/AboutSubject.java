package dev.idcred.shared.common;

/**
 * An event that belongs to no aggregate names what it is about, so the audit trail lists it under that subject
 * (events of an aggregate are about their aggregate).
 */
public interface AboutSubject {

    String subjectId();
}
