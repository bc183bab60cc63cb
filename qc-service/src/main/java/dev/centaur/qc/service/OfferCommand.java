package dev.centaur.qc.service;

import java.util.List;

/** A validated Offer: the project's label set, its QC rate and the final labels offered. */
public record OfferCommand(String projectId, List<String> labels, double qcRate, List<OfferedItem> items) {
}
