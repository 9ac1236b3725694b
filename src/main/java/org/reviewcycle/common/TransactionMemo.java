package org.reviewcycle.common;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Values worked out once per transaction and reused until it ends: for answers that cannot change
 * within one transaction, asked for many times in it (the cycle launch starts fifty reviews in
 * one). Outside a transaction every call works the value out afresh.
 */
public final class TransactionMemo {

    private final String name;

    /** {@code name} tells this memo's values from other memos' in the same transaction. */
    public TransactionMemo(String name) {
        this.name = TransactionMemo.class.getName() + ":" + name;
    }

    @SuppressWarnings("unchecked")
    public <T> T computeIfAbsent(Object key, Supplier<T> compute) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return compute.get();
        }
        Map<Object, Object> values = values();
        Object value = values.get(key);
        if (value == null) {
            value = compute.get();
            values.put(key, value);
        }
        return (T) value;
    }

    /** Remembers a value already known, for the rest of the transaction (none outside one). */
    public void put(Object key, Object value) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            values().put(key, value);
        }
    }

    /** Forgets a value that has changed within the transaction, so that the next call works it out afresh. */
    public void remove(Object key) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            values().remove(key);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<Object, Object> values() {
        var values = (Map<Object, Object>) TransactionSynchronizationManager.getResource(name);
        if (values == null) {
            values = new HashMap<>();
            TransactionSynchronizationManager.bindResource(name, values);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(name);
                }
            });
        }
        return values;
    }
}
