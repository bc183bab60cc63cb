package dev.centaur.guard;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A small map whose entries expire {@code ttl} after they were put: how services remember what
 * router said of a token, so a revoked token stops working within the TTL without a call to
 * router per request. Full means cleared: it is a cache, and refilling costs one call a token.
 */
public final class ExpiringCache<K, V> {

    private record Entry<V>(V value, long expiresAtNanos) {
    }

    private final int maxEntries;
    private final LongSupplier nanoClock;
    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

    public ExpiringCache(int maxEntries, LongSupplier nanoClock) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("max entries " + maxEntries + " must be positive");
        }
        this.maxEntries = maxEntries;
        this.nanoClock = nanoClock;
    }

    public ExpiringCache(int maxEntries) {
        this(maxEntries, System::nanoTime);
    }

    /** The value put for {@code key}, unless it has expired. */
    public Optional<V> get(K key) {
        Entry<V> entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (nanoClock.getAsLong() - entry.expiresAtNanos >= 0) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.value);
    }

    /** Remembers {@code value} for {@code ttlNanos}. */
    public void put(K key, V value, long ttlNanos) {
        if (entries.size() >= maxEntries && !entries.containsKey(key)) {
            entries.clear();
        }
        entries.put(key, new Entry<>(value, nanoClock.getAsLong() + ttlNanos));
    }

    /** Forgets {@code key} at once (for example a token this service saw revoked). */
    public void invalidate(K key) {
        entries.remove(key);
    }

    public int size() {
        return entries.size();
    }
}
