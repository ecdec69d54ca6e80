package cn.carbonmarket.allocation.reserve;

/** A movement is PENDING until the registry books it (BOOKED) or refuses it (REFUSED: it never happened). */
public enum MovementStatus {
    PENDING, BOOKED, REFUSED
}
