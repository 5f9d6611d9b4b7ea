package dev.idcred.shared.common;

/** A window on a listing: at most {@code limit} items from {@code offset}, and whether to count them all. */
public record PageRequest(int limit, int offset, boolean countTotal) {
    public static final int MAX_LIMIT = 250;
}
