package dev.centaur.qc.stats;

/**
 * One stratum of the labeled set: {@code offered} labels, of which {@code reviews} were reviewed
 * and {@code correct} found right. The offered count is the stratum's weight.
 */
public record Stratum(long offered, long reviews, long correct) {

    public Stratum {
        if (offered < 0 || reviews < 0 || correct < 0 || correct > reviews || reviews > offered) {
            throw new IllegalArgumentException("need 0 <= correct <= reviews <= offered, got " + correct + " of "
                    + reviews + " reviews of " + offered + " offered");
        }
    }
}
