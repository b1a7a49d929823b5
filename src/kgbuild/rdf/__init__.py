"""The RDF side: namespaces, IRI minting and the one mapping from records to triples."""
