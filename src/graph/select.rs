//! Selection of a sub-graph (ego network, types, relations, weights, size).
