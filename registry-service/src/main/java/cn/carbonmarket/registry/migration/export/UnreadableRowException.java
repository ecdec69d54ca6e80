package cn.carbonmarket.registry.migration.export;

/**
 * Why one record cannot become a holding; its message is the {@link UnreadableLine#reason()}. It carries no stack
 * trace because a bad export can have many such rows and the reason says everything.
 */
final class UnreadableRowException extends Exception {

    UnreadableRowException(String reason) {
        super(reason, null, false, false);
    }
}
