/** The graph engine: pure network analysis on compact typed arrays. */
export { buildGraph, graphFromEdges, indexOf, tieWeight, withLocality, type Graph } from './csr.js';
export { degree, strength, connectedComponents, coreNumber, pageRank, type Components, type PageRankOptions, type PageRankResult } from './basic.js';
export { betweenness, sampledBetweenness, pivotErrorBound, type BetweennessBound, type BetweennessResult, type Progress, type SampledOptions } from './betweenness.js';
export { brokerage, type Brokerage } from './brokerage.js';
export { louvain, modularity, type LouvainOptions, type LouvainResult } from './louvain.js';
export { shortestPaths, pathTo, introducers, twoHop, type ShortestPaths, type Introducer, type TwoHop } from './paths.js';
export { makeRandom } from './rng.js';
export { analyse, parseMetrics, NODE_METRICS, type Analysis, type AnalyseOptions, type NodeMetric, type NodeRow, type Ranked } from './analyse.js';
export { graphOfMap } from './map-graph.js';
export { normalisedMutualInformation } from './nmi.js';
