"""The ontology: labels, relationship types, property keys, identity rules and IRIs."""
