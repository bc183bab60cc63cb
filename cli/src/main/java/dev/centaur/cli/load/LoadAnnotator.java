package dev.centaur.cli.load;

import dev.centaur.cli.demo.SimulatedAnnotator;

/** A registered load annotator: crowd's id for it, the token RegisterAnnotator gave, and how it answers. */
record LoadAnnotator(String id, String token, SimulatedAnnotator simulated) {
}
