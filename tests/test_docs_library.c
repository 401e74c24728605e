/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** End-to-end tests taken from the examples of the KQL functions library
** (functions-library pages of the reference docs): user-defined functions
** built in the query (let) and invoked on data the query builds. Each case
** is the docs' query and the docs' output (column types from the oracle);
** examples that need the python()/R plugins or the help cluster's tables
** (demo_make_series1, StormEvents...) are not here, nor those already in
** shared/conformance/cases.jsonl. Fixed by this sweep: datetime(h:mm) is
** that time today; pack_array(*) packs every column; p=percentiles(x, 50)
** and (a, b)=percentiles(...) name the columns; fork/facet may be followed
** by render; the bounds of a variable-length graph edge may be constants
** named by a let or a function parameter; graph-shortest-paths accepts
** cycles=none (the cycles rule it searches with); columns whose names
** differ only in letter case (series_metric_fl: Labels and labels) are not
** supported once read by a later operator (SQLite's names ignore case, so
** both read the first column: a wrong answer before).
*/
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include "kqltest.h"
#include "kql.h"

typedef KqlTestCase DocCase;
#define runCases(a, n) kqltestRunCases((a), (n), 0)
#define N(A) (sizeof(A)/sizeof(A[0]))

static const DocCase aDocs[] = {
  /* comb_fl(): C(n, k) from gamma() */
  {"let comb_fl=(n:int, k:int)\n"
   "{\n"
   "    let fact_n = gamma(n+1);\n"
   "    let fact_nk = gamma(n-k+1);\n"
   "    let fact_k = gamma(k+1);\n"
   "    tolong(fact_n/fact_nk/fact_k)\n"
   "};\n"
   "range n from 3 to 10 step 3\n"
   "| extend k = n-2\n"
   "| extend cnk = comb_fl(n, k)",
   "n:long,k:long,cnk:long\n"
   "3,1,3\n"
   "6,4,15\n"
   "9,7,36\n"},
  /* perm_fl(): P(n, k) from gamma() */
  {"let perm_fl=(n:int, k:int)\n"
   "{\n"
   "    let fact_n = gamma(n+1);\n"
   "    let fact_nk = gamma(n-k+1);\n"
   "    tolong(fact_n/fact_nk)\n"
   "}\n"
   ";\n"
   "range n from 3 to 10 step 3\n"
   "| extend k = n-2\n"
   "| extend pnk = perm_fl(n, k)",
   "n:long,k:long,pnk:long\n"
   "3,1,3\n"
   "6,4,360\n"
   "9,7,181440\n"},
  /* percentiles_linear_fl(): linear interpolation between closest ranks (mv-apply, invoke) */
  {"let percentiles_linear_fl=(tbl:(*), val_col:string, pct_arr:dynamic, aggr_col:string='')\n"
   "{\n"
   "    tbl\n"
   "    | extend _vals = column_ifexists(val_col, 0.0)\n"
   "    | extend _key = column_ifexists(aggr_col, 'ALL')\n"
   "    | order by _key asc, _vals asc \n"
   "    | summarize _vals=make_list(_vals) by _key\n"
   "    | extend n = array_length(_vals)\n"
   "    | extend pct=pct_arr\n"
   "    | mv-apply pct to typeof(real) on (\n"
   "          extend index=pct/100.0*(n-1)\n"
   "        | extend low_index=tolong(floor(index, 1)), high_index=tolong(ceiling(index))\n"
   "        | extend interval=todouble(_vals[high_index])-todouble(_vals[low_index])\n"
   "        | extend pct_val=todouble(_vals[low_index])+(index-low_index)*interval\n"
   "        | summarize pct_arr=make_list(pct), pct_val=make_list(pct_val))\n"
   "    | project-away n\n"
   "};\n"
   "datatable(x:long, name:string) [\n"
   "5, 'A',\n"
   "9, 'A',\n"
   "7, 'A',\n"
   "5, 'B',\n"
   "7, 'B',\n"
   "7, 'B',\n"
   "10, 'B',\n"
   "]\n"
   "| invoke percentiles_linear_fl('x', dynamic([0, 25, 50, 75, 100]), 'name')\n"
   "| project-rename name=_key, x=_vals",
   "name:string,x:dynamic,pct_arr:dynamic,pct_val:dynamic\n"
   "A,[5,7,9],[0.0,25.0,50.0,75.0,100.0],[5.0,6.0,7.0,8.0,9.0]\n"
   "B,[5,7,7,10],[0.0,25.0,50.0,75.0,100.0],[5.0,6.5,7.0,7.75,10.0]\n"},
  /* series_cosine_similarity_fl(): the angle between two vectors */
  {"let series_cosine_similarity_fl=(vec1:dynamic, vec2:dynamic, vec1_size:real=double(null), vec2_size:real=double(null))\n"
   "{\n"
   "    let dp = series_dot_product(vec1, vec2);\n"
   "    let v1l = iff(isnull(vec1_size), sqrt(series_dot_product(vec1, vec1)), vec1_size);\n"
   "    let v2l = iff(isnull(vec2_size), sqrt(series_dot_product(vec2, vec2)), vec2_size);\n"
   "    dp/(v1l*v2l)\n"
   "};\n"
   "let s1=pack_array(0, 1);\n"
   "let s2=pack_array(sqrt(2), sqrt(2));\n"
   "print angle=acos(series_cosine_similarity_fl(s1, s2))/(2*pi())*360",
   "angle:real\n"
   "45\n"},
  /* series_dot_product_fl(): the docs print the result as an image; 1*4+2*5+3*6=32, 11*14+12*15+13*16=542 */
  {"let series_dot_product_fl=(vec1:dynamic, vec2:dynamic)\n"
   "{\n"
   "    let elem_prod = series_multiply(vec1, vec2);\n"
   "    let cum_sum = series_iir(elem_prod, dynamic([1]), dynamic([1,-1]));\n"
   "    todouble(cum_sum[-1])\n"
   "};\n"
   "union\n"
   "(print 1 | project v1=range(1, 3, 1), v2=range(4, 6, 1)),\n"
   "(print 1 | project v1=range(11, 13, 1), v2=range(14, 16, 1))\n"
   "| extend v3=series_dot_product_fl(v1, v2)",
   "v1:dynamic,v2:dynamic,v3:real\n"
   "[1,2,3],[4,5,6],32\n"
   "[11,12,13],[14,15,16],542\n"},
  /* entropy_fl(): Shannon entropy of probability vectors */
  {"let entropy_fl=(tbl:(*), val_col:string)\n"
   "{\n"
   "\ttbl\n"
   "    | extend _vals = column_ifexists(val_col, dynamic(null))\n"
   "    | mv-apply pa=_vals to typeof(real) on \n"
   "    (summarize H=sum(-pa*log2(pa)))\n"
   "    | project-away _vals\n"
   "};\n"
   "let probs = datatable(p:dynamic) [\n"
   "    dynamic([0.2, 0.4, 0.3, 0.1]),\n"
   "    dynamic([0.5, 0.5])\n"
   "];\n"
   "probs\n"
   "| invoke entropy_fl('p')",
   "p:dynamic,H:real\n"
   "[0.2,0.4,0.3,0.1],1.84643934467102\n"
   "[0.5,0.5],1\n"},
  /* time_weighted_avg2_fl(): time weighted average with linear interpolation (partition, scan, bin_at) */
  {"let time_weighted_avg2_fl=(tbl:(*), t_col:string, y_col:string, key_col:string, stime:datetime, etime:datetime, dt:timespan)\n"
   "{\n"
   "    let tbl_ex = tbl | extend _ts = column_ifexists(t_col, datetime(null)), _val = column_ifexists(y_col, 0.0), _key = column_ifexists(key_col, '');\n"
   "    let _etime = etime + dt;\n"
   "    let gridTimes = range _ts from stime to _etime step dt | extend _val=real(null), dummy=1;\n"
   "    let keys = materialize(tbl_ex | summarize by _key | extend dummy=1);\n"
   "    gridTimes\n"
   "    | join kind=fullouter keys on dummy\n"
   "    | project-away dummy, dummy1\n"
   "    | union tbl_ex\n"
   "    | where _ts between (stime.._etime)\n"
   "    | partition hint.strategy=native by _key (\n"
   "      order by _ts desc, _val nulls last\n"
   "    | scan declare(val1:real=0.0, t1:datetime) with (                // fill backward null values\n"
   "        step s: true => val1=iff(isnull(_val), s.val1, _val), t1=iff(isnull(_val), s.t1, _ts);)\n"
   "    | extend dt1=(t1-_ts)/1m\n"
   "    | order by _ts asc, _val nulls last\n"
   "    | scan declare(val0:real=0.0, t0:datetime) with (                // fill forward null values\n"
   "        step s: true => val0=iff(isnull(_val), s.val0, _val), t0=iff(isnull(_val), s.t0, _ts);)\n"
   "    | extend dt0=(_ts-t0)/1m\n"
   "    | extend _twa_val=iff(dt0+dt1 == 0, _val, ((val0*dt1)+(val1*dt0))/(dt0+dt1))\n"
   "    | scan with (                                                    // fill forward null twa values\n"
   "        step s: true => _twa_val=iff(isnull(_twa_val), s._twa_val, _twa_val);)\n"
   "    | extend diff_t=(next(_ts)-_ts)/1m\n"
   "    )\n"
   "    | where isnotnull(diff_t)\n"
   "    | order by _key asc, _ts asc\n"
   "    | extend next_twa_val=iff(_key == next(_key), next(_twa_val), _twa_val)\n"
   "    | summarize tw_sum=sum((_twa_val+next_twa_val)*diff_t/2.0), t_sum =sum(diff_t) by bin_at(_ts, dt, stime), _key\n"
   "    | where t_sum > 0 and _ts <= etime\n"
   "    | extend tw_avg = tw_sum/t_sum\n"
   "    | project-away tw_sum, t_sum\n"
   "    | order by _key asc, _ts asc \n"
   "};\n"
   "let tbl = datatable(ts:datetime,  val:real, key:string) [\n"
   "    datetime(2021-04-26 00:00), 100, 'Device1',\n"
   "    datetime(2021-04-26 00:45), 300, 'Device1',\n"
   "    datetime(2021-04-26 01:15), 200, 'Device1',\n"
   "    datetime(2021-04-26 00:00), 600, 'Device2',\n"
   "    datetime(2021-04-26 00:30), 400, 'Device2',\n"
   "    datetime(2021-04-26 01:30), 500, 'Device2',\n"
   "    datetime(2021-04-26 01:45), 300, 'Device2'\n"
   "];\n"
   "let minmax=materialize(tbl | summarize mint=min(ts), maxt=max(ts));\n"
   "let stime=toscalar(minmax | project mint);\n"
   "let etime=toscalar(minmax | project maxt);\n"
   "let dt = 1h;\n"
   "tbl\n"
   "| invoke time_weighted_avg2_fl('ts', 'val', 'key', stime, etime, dt)\n"
   "| project-rename val = tw_avg\n"
   "| order by _key asc, _ts asc",
   "_ts:datetime,_key:string,val:real\n"
   "2021-04-26T00:00:00Z,Device1,218.75\n"
   "2021-04-26T01:00:00Z,Device1,206.25\n"
   "2021-04-26T00:00:00Z,Device2,462.5\n"
   "2021-04-26T01:00:00Z,Device2,412.5\n"},
  /* time_window_rolling_avg_fl(): datetime(8:00) is 8:00 today (the docs ran it on 2021-11-29; the tests run at 2026-06-10) */
  {"let time_window_rolling_avg_fl=(tbl:(*), t_col:string, y_col:string, key_col:string, dt:timespan, direction:int=int(-1))\n"
   "{\n"
   "    let tbl_ex = tbl | extend timestamp = column_ifexists(t_col, datetime(null)), value = column_ifexists(y_col, 0.0), key = column_ifexists(key_col, '');\n"
   "    tbl_ex \n"
   "    | partition hint.strategy=shuffle by key \n"
   "    (\n"
   "        extend timestamp=pack_array(timestamp, timestamp - direction*dt), delta = pack_array(-direction, direction)\n"
   "        | mv-expand timestamp to typeof(datetime), delta to typeof(long)\n"
   "        | sort by timestamp asc, delta desc    \n"
   "        | scan declare (cum_sum:double=0.0, cum_count:long=0) with \n"
   "        (\n"
   "            step s: true => cum_count = s.cum_count + delta, \n"
   "                            cum_sum = s.cum_sum + delta * value; \n"
   "        )\n"
   "        | extend avg_value = iff(direction == 1, prev(cum_sum)/prev(cum_count), cum_sum/cum_count)\n"
   "        | where delta == -direction \n"
   "        | project timestamp, value, avg_value, key\n"
   "    )\n"
   "};\n"
   "let tbl = datatable(ts:datetime,  val:real, key:string) [\n"
   "    datetime(8:00), 1, 'Device1',\n"
   "    datetime(8:01), 2, 'Device1',\n"
   "    datetime(8:05), 3, 'Device1',\n"
   "    datetime(8:05), 10, 'Device2',\n"
   "    datetime(8:09), 20, 'Device2',\n"
   "    datetime(8:40), 4, 'Device1',\n"
   "    datetime(9:00), 5, 'Device1',\n"
   "    datetime(9:01), 6, 'Device1',\n"
   "    datetime(9:05), 30, 'Device2',\n"
   "    datetime(9:50), 7, 'Device1'\n"
   "];\n"
   "tbl\n"
   "| invoke time_window_rolling_avg_fl('ts', 'val', 'key', 10m)",
   "timestamp:datetime,value:real,avg_value:real,key:string\n"
   "2026-06-10T08:00:00Z,1,1,Device1\n"
   "2026-06-10T08:01:00Z,2,1.5,Device1\n"
   "2026-06-10T08:05:00Z,3,2,Device1\n"
   "2026-06-10T08:40:00Z,4,4,Device1\n"
   "2026-06-10T09:00:00Z,5,5,Device1\n"
   "2026-06-10T09:01:00Z,6,5.5,Device1\n"
   "2026-06-10T09:50:00Z,7,7,Device1\n"
   "2026-06-10T08:05:00Z,10,10,Device2\n"
   "2026-06-10T08:09:00Z,20,15,Device2\n"
   "2026-06-10T09:05:00Z,30,30,Device2\n"},
  /* graph_node_centrality_fl(): graph-shortest-paths cycles=none with bounds from function parameters, table(name) of let tables; the docs print the backup_prc row */
  {"let edges = datatable (SourceNodeName:string, EdgeName:string, EdgeType:string, TargetNodeName:string, Region:string)[\t\t\t\t\t\t\n"
   "    'vm-work-1',            'e1',           'can use',\t            'webapp-prd', \t          'US',\n"
   "    'vm-custom',        \t'e2',           'can use',\t            'webapp-prd', \t          'US',\n"
   "    'webapp-prd',           'e3',           'can access',\t        'vm-custom', \t          'US',\n"
   "    'webapp-prd',       \t'e4',           'can access',\t        'test-machine', \t      'US',\n"
   "    'vm-custom',        \t'e5',           'can access',\t        'server-0126', \t          'US',\n"
   "    'vm-custom',        \t'e6',\t        'can access',\t        'hub_router', \t          'US',\n"
   "    'webapp-prd',       \t'e7',\t        'can access',\t        'hub_router', \t          'US',\n"
   "    'test-machine',       \t'e8',\t        'can access',\t        'vm-custom',              'US',\n"
   "    'test-machine',        \t'e9',\t        'can access',\t        'hub_router', \t          'US',\n"
   "    'hub_router',           'e10',\t        'routes traffic to',\t'remote_DT', \t          'US',\n"
   "    'vm-work-1',            'e11',\t        'can access',\t        'storage_main_backup', \t  'US',\n"
   "    'hub_router',           'e12',\t        'routes traffic to',\t'vm-work-2', \t          'US',\n"
   "    'vm-work-2',        \t'e13',          'can access',\t        'backup_prc', \t          'US',\n"
   "    'remote_DT',            'e14',\t        'can access',\t        'backup_prc', \t          'US',\n"
   "    'backup_prc',           'e15',\t        'moves data to',        'storage_main_backup', \t  'US',\n"
   "    'backup_prc',           'e16',\t        'moves data to',        'storage_DevBox', \t      'US',\n"
   "    'device_A1',            'e17',\t        'is connected to',      'device_B2', \t          'EU',\n"
   "    'device_B2',            'e18',\t        'is connected to',      'device_A1', \t          'EU'\n"
   "];\n"
   "let nodes = datatable (NodeName:string, NodeType:string, NodeEnvironment:string, Region:string) [\n"
   "        'vm-work-1',                'Virtual Machine',      'Production',       'US',\n"
   "        'vm-custom',                'Virtual Machine',      'Production',       'US',\n"
   "        'webapp-prd',               'Application',          'None',             'US',\n"
   "        'test-machine',             'Virtual Machine',      'Test',             'US',\n"
   "        'hub_router',               'Traffic Router',       'None',             'US',\n"
   "        'vm-work-2',                'Virtual Machine',      'Production',       'US',\n"
   "        'remote_DT',                'Virtual Machine',      'Production',       'US',\n"
   "        'backup_prc',               'Service',              'Production',       'US',\n"
   "        'server-0126',              'Server',               'Production',       'US',\n"
   "        'storage_main_backup',      'Cloud Storage',        'Production',       'US',\n"
   "        'storage_DevBox',           'Cloud Storage',        'Test',             'US',\n"
   "        'device_A1',                'Device',               'Backend',          'EU',\n"
   "        'device_B2',                'Device',               'Backend',          'EU'\n"
   "];\n"
   "let nodesEnriched = (\n"
   "    nodes\n"
   "    | extend  IsValidStart      = (NodeType in ('Virtual Machine'))\n"
   "            , IsValidEnd        = (NodeType in ('Cloud Storage'))\n"
   "    | extend  IsValidConnector  = (NodeType in ('Application', 'Traffic Router', 'Service'))\n"
   ");\n"
   "let graph_node_centrality_fl = (   edgesTableName:string, nodesTableName:string, scopeColumnName:string\n"
   "\t\t\t\t\t\t\t\t, isValidPathStartColumnName:string, isValidPathEndColumnName:string, isValidConnectorColumnName:string\n"
   "\t\t\t\t\t\t\t\t, nodeIdColumnName:string, edgeIdColumnName:string, sourceIdColumnName:string, targetIdColumnName:string\n"
   "\t\t\t\t\t\t\t\t, minPathLength:long = 1, maxPathLength:long = 8, resultCountLimit:long = 100000) \n"
   "{\n"
   "let edges = (\n"
   "    table(edgesTableName)\n"
   "    | extend sourceId               = column_ifexists(sourceIdColumnName, '')\n"
   "    | extend targetId               = column_ifexists(targetIdColumnName, '')\n"
   "    | extend edgeId                 = column_ifexists(edgeIdColumnName, '')\n"
   "    | extend scope                  = column_ifexists(scopeColumnName, '')\n"
   "    );\n"
   "let nodes = (\n"
   "    table(nodesTableName)\n"
   "    | extend nodeId                 = column_ifexists(nodeIdColumnName, '')\n"
   "    | extend isValidPathStart       = column_ifexists(isValidPathStartColumnName, '')\n"
   "    | extend isValidPathEnd         = column_ifexists(isValidPathEndColumnName, '')\n"
   "    | extend isNodeValidConnector   = column_ifexists(isValidConnectorColumnName, '')\n"
   "    | extend scope                  = column_ifexists(scopeColumnName, '')\n"
   ");\n"
   "let potentialPairsOnScope = (\n"
   "    nodes\n"
   "    | summarize countSources = dcountif(nodeId, (isValidPathStart)), countTargets = dcountif(nodeId, (isValidPathEnd)) by scope\n"
   "    | project scope, countPotentialPairsOnScope = countSources * countTargets\n"
   "    );\n"
   "let paths = (\n"
   "    edges\n"
   "    // Build graph object partitioned by scope, so that no connections are allowed between scopes.\n"
   "    // In case no scopes are relevant, partitioning should be removed for better performance.\n"
   "    | make-graph sourceId --> targetId with nodes on nodeId partitioned-by scope (\n"
   "    // Look for existing shortest paths between source nodes and target nodes with less than predefined number of hops.\n"
   "    // Current configurations looks for directed paths without any cycles; this can be changed if needed.\n"
   "      graph-shortest-paths output = all  cycles = none (s)-[e*minPathLength..maxPathLength]->(t)\n"
   "        // Filter only by paths with that connect valid endpoints\n"
   "        where ((s.isValidPathStart) and (t.isValidPathEnd))\n"
   "        project   sourceId                  = s.nodeId\n"
   "                , isSourceValidPathStart    = s.isValidPathStart\n"
   "                , targetId                  = t.nodeId\n"
   "                , isTargetValidPathEnd      = t.isValidPathEnd\n"
   "                , scope                     = s.scope\n"
   "                , edgeIds                   = e.edgeId\n"
   "                , innerNodeIds              = map(inner_nodes(e), nodeId)\n"
   "                , innerNodeConnector        = map(inner_nodes(e), isNodeValidConnector)\n"
   "    | limit resultCountLimit\n"
   "    )\n"
   "    | extend  pathLength                    = array_length(edgeIds)\n"
   "            , pathEndpointsId               = hash_md5(strcat(sourceId, targetId))\n"
   "            , pathId                        = hash_md5(strcat(sourceId, strcat(edgeIds), targetId))\n"
   ");\n"
   "let pathsProcessed = (\n"
   "    paths\n"
   "    | mv-expand with_itemindex = i innerNodeId = innerNodeIds to typeof(string), innerNodeConnector to typeof(bool)\n"
   "    | where (innerNodeConnector)\n"
   "    | summarize countShortestPathsThroughNode = count(), take_any(sourceId, targetId, pathLength) by scope, innerNodeId, pathEndpointsId\n"
   "    | join kind = leftouter (paths | summarize countShortestPaths = count() by scope, pathEndpointsId) on scope, pathEndpointsId\n"
   "    | project-away scope1, pathEndpointsId1\n"
   "    | extend betweennessForPair = (todouble(countShortestPathsThroughNode)/countShortestPaths)\n"
   "    | summarize betweenness = sum(betweennessForPair), countShortestPathsThroughNode = sum(countShortestPathsThroughNode)\n"
   "            , countPairsConnectedByNode = dcount(pathEndpointsId)\n"
   "        by scope, nodeId = innerNodeId\n"
   "    | join kind = leftouter (potentialPairsOnScope) on scope\n"
   "    | extend relativePrestige = round(todouble(countPairsConnectedByNode)/countPotentialPairsOnScope, 6)\n"
   "    | project scope, nodeId, betweenness, relativePrestige, countShortestPathsThroughNode, countPairsConnectedByNode\n"
   ");\n"
   "let centrality = (\n"
   "nodes\n"
   "| summarize take_any(*) by scope, nodeId\n"
   "| where (isNodeValidConnector)\n"
   "| join kind = leftouter (edges | summarize outDegree = dcount(targetId) by scope, sourceId) on scope, $left.nodeId == $right.sourceId\n"
   "| join kind = leftouter (edges | summarize inDegree = dcount(sourceId) by scope, targetId) on scope, $left.nodeId == $right.targetId\n"
   "| project-away scope1, scope2, sourceId, targetId\n"
   "| extend inDegree = coalesce(inDegree, 0), outDegree = coalesce(outDegree, 0)\n"
   "| extend totalDegree = inDegree * outDegree\n"
   "| join kind = leftouter (paths | summarize sourceOutFlow = dcount(targetId) by scope, sourceId) on scope, $left.nodeId == $right.sourceId\n"
   "| join kind = leftouter (paths | summarize sinkInFlow = dcount(sourceId) by scope, targetId) on scope, $left.nodeId == $right.targetId\n"
   "| project-away scope1, scope2, sourceId, targetId\n"
   "| extend sourceOutFlow = coalesce(sourceOutFlow, 0), sinkInFlow = coalesce(sinkInFlow, 0)\n"
   "| join kind = leftouter (pathsProcessed) on scope, nodeId\n"
   "| project-away scope1, nodeId1\n"
   "| extend betweenness = coalesce(betweenness, 0.0), relativePrestige = coalesce(relativePrestige, 0.0)\n"
   "    , countShortestPathsThroughNode = coalesce(countShortestPathsThroughNode, 0), countPairsConnectedByNode = coalesce(countPairsConnectedByNode, 0)\n"
   ");\n"
   "centrality\n"
   "};\n"
   "graph_node_centrality_fl(edgesTableName         = 'edges'\n"
   "                , nodesTableName                = 'nodesEnriched'\n"
   "                , scopeColumnName               = 'Region'\n"
   "                , nodeIdColumnName              = 'NodeName'\n"
   "                , edgeIdColumnName              = 'EdgeName'\n"
   "                , sourceIdColumnName            = 'SourceNodeName'\n"
   "                , targetIdColumnName            = 'TargetNodeName'\n"
   "                , isValidPathStartColumnName    = 'IsValidStart'\n"
   "                , isValidPathEndColumnName      = 'IsValidEnd'\n"
   "                , isValidConnectorColumnName    = 'IsValidConnector'\n"
   ")",
   "scope:string,nodeId:string,NodeName:string,NodeType:string,NodeEnvironment:string,Region:string,IsValidStart:bool,IsValidEnd:bool,IsValidConnector:bool,isValidPathStart:bool,isValidPathEnd:bool,isNodeValidConnector:bool,outDegree:long,inDegree:long,totalDegree:long,sourceOutFlow:long,sinkInFlow:long,betweenness:real,relativePrestige:real,countShortestPathsThroughNode:long,countPairsConnectedByNode:long\n"
   "US,backup_prc,backup_prc,Service,Production,US,false,false,true,false,false,true,2,2,4,0,0,9,0.9,14,9\n"
   "US,hub_router,hub_router,Traffic Router,None,US,false,false,true,false,false,true,2,3,6,0,0,5,0.5,10,5\n"
   "US,webapp-prd,webapp-prd,Application,None,US,false,false,true,false,false,true,3,2,6,0,0,1,0.1,2,1\n"},
};
Test(docs_library, examples){ runCases(aDocs, N(aDocs)); }

/* series_shapes_fl(): fork (take 4) (project tsid, shapes) | render ...; the
** docs print the trend and jump scores (the second table). */
Test(docs_library, series_shapes){
  int rc;
  char *z = kqltestRun(
    "let series_shapes_fl=(series:dynamic, advanced:bool=false)\n"
    "{\n"
    "    let n = array_length(series);\n"
    "//  calculate normal dynamic range between 10th and 90th percentiles\n"
    "    let xs = array_sort_asc(series);\n"
    "    let low_idx = tolong(n*0.1);\n"
    "    let high_idx = tolong(n*0.9);\n"
    "    let low_pct = todouble(xs[low_idx]);\n"
    "    let high_pct = todouble(xs[high_idx]);\n"
    "    let norm_range = high_pct-low_pct;\n"
    "//  trend score\n"
    "    let lf = series_fit_line_dynamic(series);\n"
    "    let slope = todouble(lf.slope);\n"
    "    let rsquare = todouble(lf.rsquare);\n"
    "    let rel_slope = abs(n*slope/norm_range);\n"
    "    let sign_slope = iff(slope >= 0.0, 1.0, -1.0);\n"
    "    let norm_slope = sign_slope*rel_slope/(rel_slope+0.1);  //  map rel_slope from [-Inf, +Inf] to [-1, 1]; 0.1 is a clibration constant\n"
    "    let trend_score = norm_slope*rsquare;\n"
    "//  jump score\n"
    "    let lf2=series_fit_2lines_dynamic(series);\n"
    "    let lslope = todouble(lf2.left.slope);\n"
    "    let rslope = todouble(lf2.right.slope);\n"
    "    let rsquare2 = todouble(lf2.rsquare);\n"
    "    let split_idx = tolong(lf2.split_idx);\n"
    "    let last_left = todouble(lf2.left.interception)+lslope*split_idx;\n"
    "    let first_right = todouble(lf2.right.interception)+rslope;\n"
    "    let jump = first_right-last_left;\n"
    "    let rel_jump = abs(jump/norm_range);\n"
    "    let sign_jump = iff(first_right >= last_left, 1.0, -1.0);\n"
    "    let norm_jump = sign_jump*rel_jump/(rel_jump+0.1);  //  map rel_jump from [-Inf, +Inf] to [-1, 1]; 0.1 is a clibration constant\n"
    "    let jump_score1 = norm_jump*rsquare2;\n"
    "//  filter for jumps that are not close to the series edges and the right slope has the same direction\n"
    "    let norm_rslope = abs(rslope/norm_range);\n"
    "    let jump_score = iff((sign_jump*rslope >= 0.0 or norm_rslope < 0.02) and split_idx between((0.1*n)..(0.9*n)), jump_score1, 0.0);\n"
    "    let res = iff(advanced, pack(\"n\", n, \"low_pct\", low_pct, \"high_pct\", high_pct, \"norm_range\", norm_range, \"slope\", slope, \"rsquare\", rsquare, \"rel_slope\", rel_slope, \"norm_slope\", norm_slope,\n"
    "                              \"trend_score\", trend_score, \"split_idx\", split_idx, \"jump\", jump, \"rsquare2\", rsquare2, \"last_left\", last_left, \"first_right\", first_right, \"rel_jump\", rel_jump,\n"
    "                              \"lslope\", lslope, \"rslope\", rslope, \"norm_rslope\", norm_rslope, \"norm_jump\", norm_jump, \"jump_score\", jump_score)\n"
    "                              , pack(\"trend_score\", trend_score, \"jump_score\", jump_score));\n"
    "    res\n"
    "}\n"
    ";\n"
    "let ts_len = 100;\n"
    "let noise_pct = 2;\n"
    "let noise_gain = 3;\n"
    "union\n"
    "(print tsid=1 | extend y = array_concat(repeat(20, ts_len/2), repeat(150, ts_len/2))),\n"
    "(print tsid=2 | extend y = array_concat(repeat(0, ts_len*3/4), repeat(-50, ts_len/4))),\n"
    "(print tsid=3 | extend y = range(40, 139, 1)),\n"
    "(print tsid=4 | extend y = range(-20, -109, -1))\n"
    "| extend x = range(1, array_length(y), 1)\n"
    "//\n"
    "| extend shapes = series_shapes_fl(y)\n"
    "| order by tsid asc \n"
    "| fork (take 4) (project tsid, shapes)\n"
    "| render timechart with(series=tsid, xcolumn=x, ycolumns=y)", 0, &rc);
  const char *zScores =
    "--\n"
    "tsid:long,shapes:dynamic\n"
    "1,{\"trend_score\":0.7031997145301688,\"jump_score\":0.9090909090909091}\n"
    "2,{\"trend_score\":-0.5166375134317487,\"jump_score\":-0.9090909090909091}\n"
    "3,{\"trend_score\":0.9259259259259258,\"jump_score\":0.0}\n"
    "4,{\"trend_score\":-0.9259259259259258,\"jump_score\":0.0}\n";
  cr_expect(strncmp(z, "tsid:long,y:dynamic,x:dynamic,shapes:dynamic\n", 45)==0, "got: %.300s", z);
  size_t n = strlen(z), nS = strlen(zScores);
  cr_expect(n>nS && strcmp(z + n - nS, zScores)==0, "got: %s", z);
  free(z);
}

/* graph_path_discovery_fl(): the docs print one of the paths (partial). */
Test(docs_library, graph_path_discovery){
  int rc;
  char *z = kqltestRun(
    "let edges = datatable (SourceNodeName:string, EdgeName:string, EdgeType:string, TargetNodeName:string, Region:string)[\t\t\t\t\t\t\n"
    "    'vm-work-1',            'e1',           'can use',\t            'webapp-prd', \t          'US',\n"
    "    'vm-custom',        \t'e2',           'can use',\t            'webapp-prd', \t          'US',\n"
    "    'webapp-prd',           'e3',           'can access',\t        'vm-custom', \t          'US',\n"
    "    'webapp-prd',       \t'e4',           'can access',\t        'test-machine', \t      'US',\n"
    "    'vm-custom',        \t'e5',           'can access',\t        'server-0126', \t          'US',\n"
    "    'vm-custom',        \t'e6',\t        'can access',\t        'hub_router', \t          'US',\n"
    "    'webapp-prd',       \t'e7',\t        'can access',\t        'hub_router', \t          'US',\n"
    "    'test-machine',       \t'e8',\t        'can access',\t        'vm-custom',              'US',\n"
    "    'test-machine',        \t'e9',\t        'can access',\t        'hub_router', \t          'US',\n"
    "    'hub_router',           'e10',\t        'routes traffic to',\t'remote_DT', \t          'US',\n"
    "    'vm-work-1',            'e11',\t        'can access',\t        'storage_main_backup', \t  'US',\n"
    "    'hub_router',           'e12',\t        'routes traffic to',\t'vm-work-2', \t          'US',\n"
    "    'vm-work-2',        \t'e13',          'can access',\t        'backup_prc', \t          'US',\n"
    "    'remote_DT',            'e14',\t        'can access',\t        'backup_prc', \t          'US',\n"
    "    'backup_prc',           'e15',\t        'moves data to',        'storage_main_backup', \t  'US',\n"
    "    'backup_prc',           'e16',\t        'moves data to',        'storage_DevBox', \t      'US',\n"
    "    'device_A1',            'e17',\t        'is connected to',      'sevice_B2', \t          'EU',\n"
    "    'sevice_B2',            'e18',\t        'is connected to',      'device_A1', \t          'EU'\n"
    "];\n"
    "let nodes = datatable (NodeName:string, NodeType:string, NodeEnvironment:string, Region:string) [\n"
    "        'vm-work-1',                'Virtual Machine',      'Production',       'US',\n"
    "        'vm-custom',                'Virtual Machine',      'Production',       'US',\n"
    "        'webapp-prd',               'Application',          'None',             'US',\n"
    "        'test-machine',             'Virtual Machine',      'Test',             'US',\n"
    "        'hub_router',               'Traffic Router',       'None',             'US',\n"
    "        'vm-work-2',                'Virtual Machine',      'Production',       'US',\n"
    "        'remote_DT',                'Virtual Machine',      'Production',       'US',\n"
    "        'backup_prc',               'Service',              'Production',       'US',\n"
    "        'server-0126',              'Server',               'Production',       'US',\n"
    "        'storage_main_backup',      'Cloud Storage',        'Production',       'US',\n"
    "        'storage_DevBox',           'Cloud Storage',        'Test',             'US',\n"
    "        'device_A1',                'Device',               'Backend',          'EU',\n"
    "        'device_B2',                'Device',               'Backend',          'EU'\n"
    "];\n"
    "let nodesEnriched = (\n"
    "    nodes\n"
    "    | extend IsValidStart = (NodeType == 'Virtual Machine'),             IsValidEnd = (NodeType == 'Cloud Storage')              // option 1\n"
    "    //| extend IsValidStart = (NodeName in('vm-work-1', 'vm-work-2')),     IsValidEnd = (NodeName in('storage_main_backup'))       // option 2\n"
    "    //| extend IsValidStart = (NodeEnvironment == 'Test'),                 IsValidEnd = (NodeEnvironment == 'Production')          // option 3\n"
    ");\n"
    "let graph_path_discovery_fl = (   edgesTableName:string, nodesTableName:string, scopeColumnName:string\n"
    "\t\t\t\t\t\t\t\t, isValidPathStartColumnName:string, isValidPathEndColumnName:string\n"
    "\t\t\t\t\t\t\t\t, nodeIdColumnName:string, edgeIdColumnName:string, sourceIdColumnName:string, targetIdColumnName:string\n"
    "\t\t\t\t\t\t\t\t, minPathLength:long = 1, maxPathLength:long = 8, resultCountLimit:long = 100000) \n"
    "{\n"
    "let edges = (\n"
    "    table(edgesTableName)\n"
    "    | extend sourceId           = column_ifexists(sourceIdColumnName, '')\n"
    "    | extend targetId           = column_ifexists(targetIdColumnName, '')\n"
    "    | extend edgeId             = column_ifexists(edgeIdColumnName, '')\n"
    "    | extend scope              = column_ifexists(scopeColumnName, '')\n"
    "    );\n"
    "let nodes = (\n"
    "    table(nodesTableName)\n"
    "    | extend nodeId             = column_ifexists(nodeIdColumnName, '')\n"
    "    | extend isValidPathStart   = column_ifexists(isValidPathStartColumnName, '')\n"
    "    | extend isValidPathEnd     = column_ifexists(isValidPathEndColumnName, '')\n"
    "    | extend scope              = column_ifexists(scopeColumnName, '')\n"
    ");\n"
    "let paths = (\n"
    "    edges\n"
    "    // Build graph object partitioned by scope, so that no connections are allowed between scopes.\n"
    "    // In case no scopes are relevant, partitioning should be removed for better performance.\n"
    "    | make-graph sourceId --> targetId with nodes on nodeId partitioned-by scope (\n"
    "    // Look for existing paths between source nodes and target nodes with less than predefined number of hops\n"
    "    // Current configurations looks for directed paths without any cycles; this can be changed if needed\n"
    "      graph-match cycles = none (s)-[e*minPathLength..maxPathLength]->(t)\n"
    "        // Filter only by paths with that connect valid endpoints\n"
    "        where ((s.isValidPathStart) and (t.isValidPathEnd))\n"
    "        project   sourceId                  = s.nodeId\n"
    "                , isSourceValidPathStart    = s.isValidPathStart\n"
    "                , targetId                  = t.nodeId\n"
    "                , isTargetValidPathEnd      = t.isValidPathEnd\n"
    "                , scope                     = s.scope\n"
    "                , edgeIds                   = e.edgeId\n"
    "                , edgeAllTargetIds          = e.targetId\n"
    "    | limit resultCountLimit\n"
    "    )\n"
    "    | extend  pathLength                    = array_length(edgeIds)\n"
    "            , pathId                        = hash_md5(strcat(sourceId, strcat(edgeIds), targetId))\n"
    "            , pathAllNodeIds                = array_concat(pack_array(sourceId), edgeAllTargetIds)\n"
    "    | project-away edgeAllTargetIds\n"
    "    | mv-apply with_itemindex = SortIndex nodesInPath = pathAllNodeIds to typeof(string), edgesInPath = edgeIds to typeof(string) on (\n"
    "        extend step = strcat(\n"
    "              iff(isnotempty(nodesInPath), strcat('(', nodesInPath, ')'), '')\n"
    "            , iff(isnotempty(edgesInPath), strcat('-[',  edgesInPath, ']->'), ''))\n"
    "       | summarize fullPath = array_strcat(make_list(step), '')\n"
    "    )\n"
    ");\n"
    "paths\n"
    "};\n"
    "graph_path_discovery_fl(edgesTableName          = 'edges'\n"
    "                , nodesTableName                = 'nodesEnriched'\n"
    "                , scopeColumnName               = 'Region'\n"
    "                , nodeIdColumnName              = 'NodeName'\n"
    "                , edgeIdColumnName              = 'EdgeName'\n"
    "                , sourceIdColumnName            = 'SourceNodeName'\n"
    "                , targetIdColumnName            = 'TargetNodeName'\n"
    "                , isValidPathStartColumnName    = 'IsValidStart'\n"
    "                , isValidPathEndColumnName      = 'IsValidEnd'\n"
    ")", 0, &rc);
  const char *zHead = "sourceId:string,isSourceValidPathStart:bool,targetId:string,isTargetValidPathEnd:bool,"
                      "scope:string,edgeIds:dynamic,pathLength:long,pathId:string,pathAllNodeIds:dynamic,"
                      "fullPath:string\n";
  cr_expect(strncmp(z, zHead, strlen(zHead))==0, "got: %.400s", z);
  cr_expect(strstr(z, "\ntest-machine,true,storage_DevBox,true,US,[\"e9\",\"e10\",\"e14\",\"e16\"],4,"
                      "00605d35b6e1d28024fd846f217b43ac,[\"test-machine\",\"hub_router\",\"remote_DT\","
                      "\"backup_prc\",\"storage_DevBox\"],(test-machine)-[e9]->(hub_router)-[e10]->"
                      "(remote_DT)-[e14]->(backup_prc)-[e16]->(storage_DevBox)\n")!=0, "got: %s", z);
  free(z);
}

/* detect_anomalous_access_cf_fl(): random data (rand()); the docs flag
** H4ck3r's access to device50 (score 0.982 there, random here). */
Test(docs_library, detect_anomalous_access_cf){
  int rc;
  char *z = kqltestRun(
    "let detect_anomalous_access_cf_fl = (T:(*), entityColumnName:string, resourceColumnName:string, scopeColumnName:string\n"
    "                                                , timeColumnName:string, startTraining:datetime, startDetection:datetime, endDetection:datetime\n"
    "                                                , anomalyScoreThresh:real = 0.9)\n"
    "{\n"
    "//pre-process the input data by adding standard column names and dividing to datasets\n"
    "let processedData = (\n"
    "    T\n"
    "    | extend entity     = column_ifexists(entityColumnName, '')\n"
    "    | extend resource = column_ifexists(resourceColumnName, '')\n"
    "    | extend scope      = column_ifexists(scopeColumnName, '')\n"
    "    | extend sliceTime  = todatetime(column_ifexists(timeColumnName, ''))\n"
    "    | where isnotempty(scope) and isnotempty(entity) and isnotempty(resource) and isnotempty(sliceTime)\n"
    "    | extend dataSet = case((sliceTime >= startTraining and sliceTime < startDetection), 'trainSet'\n"
    "                           , sliceTime >= startDetection and sliceTime <= endDetection,  'detectSet'\n"
    "                                                                                       , 'other')\n"
    "    | where dataSet in ('trainSet', 'detectSet')\n"
    ");\n"
    "// Create all possible pairs (entity, resource) with the same scope\n"
    "let entities = (\n"
    "    processedData\n"
    "    | where dataSet == 'trainSet'\n"
    "    | summarize by entity, scope\n"
    "    | extend temp = 1\n"
    ");\n"
    "let resources = (\n"
    "    processedData\n"
    "    | where dataSet == 'trainSet'\n"
    "    | summarize by resource, scope\n"
    "    | extend temp = 1\n"
    ");\n"
    "let potentialAccessTrainData = (\n"
    "    entities\n"
    "    | join kind=inner resources on temp\n"
    "    | distinct  entity, resource, scope\n"
    ");\n"
    "let accessTrainData = (\n"
    "    potentialAccessTrainData\n"
    "    | join kind=leftouter hint.strategy=broadcast (processedData | where dataSet =='trainSet') on entity, resource, scope\n"
    "    | extend usedOperation = iff(isempty(resource1), 0, 1)\n"
    "    | distinct entity, resource, scope, usedOperation\n"
    ");\n"
    "// Aggregate interaction scores per item into a list to prepare for similarity calculations\n"
    "// Add a temporary key for self-joining later in the process\n"
    "let ItemUserInteractions = (\n"
    "    accessTrainData\n"
    "    | summarize interactList = make_list(usedOperation) by resource, scope\n"
    "    | extend tempKey=1\n"
    ");\n"
    "// Compute item-to-item similarity using cosine similarity\n"
    "let ItemSimilarities = (\n"
    "    ItemUserInteractions\n"
    "    | join kind=inner (ItemUserInteractions) on tempKey\n"
    "    | where scope == scope1\n"
    "    | extend similarity = series_cosine_similarity(interactList, interactList1)\n"
    "    | extend similarity = iff(isnan(similarity), 0.0, similarity)\n"
    "    | project resource, resource1, scope, similarity\n"
    ");\n"
    "// Predict user-item interactions based on item similarities\n"
    "let Predictions = (\n"
    "    accessTrainData\n"
    "    | join kind=inner (ItemSimilarities) on scope and $left.resource == $right.resource1\n"
    "    | project entity, resource=resource2, usedOperation, similarity\n"
    "    | summarize accessAnomalyScore = sum(usedOperation * similarity) / sum(abs(similarity)) by entity, resource\n"
    "    | extend accessAnomalyScore = iff(isnan(accessAnomalyScore), 0.0, accessAnomalyScore)\n"
    "    | extend accessAnomalyScore = 1 - accessAnomalyScore\n"
    "    | extend accessAnomalyScore = round(accessAnomalyScore, 4)\n"
    "    | join kind=inner accessTrainData on entity, resource\n"
    "    | project entity, resource, scope, usedOperation, accessAnomalyScore\n"
    "    | extend accessAnomalyScore = iff(usedOperation == 0.0, accessAnomalyScore, todouble(usedOperation))\n"
    "    | order by entity asc, resource\n"
    ");\n"
    "let resultsData = (\n"
    "    processedData\n"
    "    | where dataSet == \"detectSet\"\n"
    "    | join kind=leftouter Predictions on entity, resource, scope\n"
    "    | extend isAnomalousAccess = iff(accessAnomalyScore > anomalyScoreThresh, 1, 0)\n"
    "    | project-away sliceTime, entity1, resource1, scope1, usedOperation\n"
    ");\n"
    "resultsData\n"
    "};\n"
    "// synthetic data generation\n"
    "let detectPeriodStart   = datetime(2022-04-30 05:00);\n"
    "let trainPeriodStart    = datetime(2022-03-01 05:00);\n"
    "let names               = pack_array(\"Admin\", \"Dev1\", \"Dev2\", \"IT-support\");\n"
    "let countNames          = array_length(names);\n"
    "let devices             = toscalar(range device_id from 1 to 51 step 1 | extend device = strcat(\"device\", tostring(device_id)) | summarize devices_array = make_list(device));\n"
    "let countDevices          = array_length(devices)-1;\n"
    "let testData            = range t from 0 to 24*60 step 1\n"
    "    | extend timeSlice      = trainPeriodStart + 1h * t\n"
    "    | extend userName       = tostring(names[toint(rand(countNames))])\n"
    "    | extend deviceId       = tostring(devices[toint(rand(countDevices))])\n"
    "    | extend accountName    = iff(((rand() < 0.2) and (timeSlice < detectPeriodStart)), 'testEnvironment', 'prodEnvironment')\n"
    "    | extend userName       = iff(timeSlice == trainPeriodStart, 'H4ck3r', userName)\n"
    "    | extend deviceId       = iff(timeSlice == trainPeriodStart, 'device1', deviceId)\n"
    "    | extend accountName    = iff(timeSlice == trainPeriodStart, 'prodEnvironment', accountName)\n"
    "    | extend userName       = iff(timeSlice == detectPeriodStart, 'H4ck3r', userName)\n"
    "    | extend deviceId       = iff(timeSlice == detectPeriodStart, 'device50', deviceId)\n"
    "    | extend accountName    = iff(timeSlice == detectPeriodStart, 'prodEnvironment', accountName)\n"
    "    | sort by timeSlice desc\n"
    ";\n"
    "testData\n"
    "| invoke detect_anomalous_access_cf_fl(entityColumnName    = 'userName'\n"
    "                                      , resourceColumnName = 'deviceId'\n"
    "                                      , scopeColumnName    = 'accountName'\n"
    "                                      , timeColumnName     = 'timeSlice'\n"
    "                                      , startTraining      = trainPeriodStart\n"
    "                                      , startDetection     = detectPeriodStart\n"
    "                                      , endDetection       = detectPeriodStart\n"
    "                                  )", 0, &rc);
  const char *zHead = "t:long,timeSlice:datetime,userName:string,deviceId:string,accountName:string,"
                      "entity:string,resource:string,scope:string,dataSet:string,accessAnomalyScore:real,"
                      "isAnomalousAccess:long\n"
                      "1440,2022-04-30T05:00:00Z,H4ck3r,device50,prodEnvironment,H4ck3r,device50,"
                      "prodEnvironment,detectSet,0.9";
  cr_expect(strncmp(z, zHead, strlen(zHead))==0, "got: %s", z);
  const char *zEnd = strchr(z + strlen(zHead), '\n');
  cr_expect(zEnd && zEnd[-2]==',' && zEnd[-1]=='1' && zEnd[1]==0, "got: %s", z);
  free(z);
}

/* series_moving_var_fl(): the docs draw the moving variance of sine waves
** (period 10, window 10): 0.5 on the waves, 0 on the flat part. */
Test(docs_library, series_moving_var){
  int rc;
  char *z = kqltestRun(
    "let series_moving_var_fl = (y_series:dynamic, n:int, center:bool=false)\n"
    "{\n"
    "    let ey = series_fir(y_series, repeat(1, n), true, center);\n"
    "    let e2y = series_multiply(ey, ey);\n"
    "    let y2 = series_multiply(y_series, y_series);\n"
    "    let ey2 = series_fir(y2, repeat(1, n), true, center);\n"
    "    let var_series = series_subtract(ey2, e2y);\n"
    "    var_series\n"
    "}\n"
    ";\n"
    "let sinewave=(x:double, period:double, gain:double=1.0, phase:double=0.0)\n"
    "{\n"
    "    gain*sin(2*pi()/period*(x+phase))\n"
    "}\n"
    ";\n"
    "let n=128;\n"
    "let T=10;\n"
    "let window=T*2;\n"
    "union\n"
    "(range x from 0 to n-1 step 1 | extend y=sinewave(x, T)),\n"
    "(range x from n to 2*n-1 step 1 | extend y=0.0),\n"
    "(range x from 2*n to 3*n-1 step 1 | extend y=sinewave(x, T)),\n"
    "(range x from 3*n to 4*n-1 step 1 | extend y=(x-3.0*n)/128.0),\n"
    "(range x from 4*n to 5*n-1 step 1 | extend y=sinewave(x, T))\n"
    "| order by x asc \n"
    "| summarize x=make_list(x), y=make_list(y)\n"
    "| extend y_var=series_moving_var_fl(y, T, true)\n"
    "| project n=array_length(y_var), v60=round(todouble(y_var[60]), 6), v190=round(todouble(y_var[190]), 6)", 0, &rc);
  cr_expect_str_eq(z, "n:long,v60:real,v190:real\n640,0.5,0\n");
  free(z);
}

/* datetime(h:mm[:ss]) without a date: that time today (the day of now()). */
Test(docs_library, datetime_time_of_today){
  int rc;
  char *z = kqltestRun("print a=datetime(8:00), b=datetime(23:59:59.5), c=datetime(0:00)", 0, &rc);
  cr_expect_str_eq(z, "a:datetime,b:datetime,c:datetime\n"
                      "2026-06-10T08:00:00Z,2026-06-10T23:59:59.5000000Z,2026-06-10T00:00:00Z\n");
  free(z);
  z = kqltestRun("print datetime(24:00)", 0, &rc);
  cr_expect(strstr(z, "error KQL151") && strstr(z, "invalid datetime literal '24:00'"), "got: %s", z);
  free(z);
}

/* pack_array(*): every column of the row, in order (docs: pack_array). */
Test(docs_library, pack_array_star){
  int rc;
  char *z = kqltestRun("datatable(a:long, b:string)[1, 'x'] | project p=pack_array(*), q=pack_array(a, *)", 0, &rc);
  cr_expect_str_eq(z, "p:dynamic,q:dynamic\n[1,\"x\"],[1,1,\"x\"]\n");
  free(z);
}

/* p=percentiles(x, 50): the name goes to the first column, (a, b)=... name
** the first ones, the others keep percentile_x_p (oracle). */
Test(docs_library, percentiles_names){
  int rc;
  char *z = kqltestRun("range x from 1 to 10 step 1 | summarize p50=percentiles(x, 50, 60), "
                       "(a, b)=percentiles(x, 10, 90, 95)", 0, &rc);
  cr_expect_str_eq(z, "p50:long,percentile_x_60:long,a:long,b:long,percentile_x_95:long\n5,6,1,9,10\n");
  free(z);
  z = kqltestRun("range x from 1 to 10 step 1 | summarize (a, b, c)=percentiles(x, 50, 60)", 0, &rc);
  cr_expect(strstr(z, "error") && strstr(z, "3 names for 2 percentiles"), "got: %s", z);
  free(z);
}

/* fork (...) (...) | render: render is a no-op on the result tables; any
** other operator after fork is not supported. */
Test(docs_library, fork_then_render){
  int rc;
  char *z = kqltestRun("range x from 1 to 3 step 1 | fork (where x > 1) (count) | render table", 0, &rc);
  cr_expect_str_eq(z, "x:long\n2\n3\n--\nCount:long\n3\n");
  free(z);
  z = kqltestRun("range x from 1 to 3 step 1 | fork (where x > 1) (count) | take 1", 0, &rc);
  cr_expect(strstr(z, "not supported: fork"), "got: %s", z);
  free(z);
}

/* -[e*lo..hi]->: the bounds may be constants named by a let or a parameter. */
Test(docs_library, graph_edge_bounds_named){
  int rc;
  const char *zQ =
    "let E = datatable(s:string, d:string)['a','b', 'b','c', 'c','d'];\n"
    "let lo = 2;\n"
    "let f = (hi:long = 3) { E | make-graph s --> d with_node_id=n\n"
    "  | graph-match (x)-[e*lo..hi]->(y) where x.n == 'a' project y = y.n };\n"
    "f() | order by y asc";
  char *z = kqltestRun(zQ, 0, &rc);
  cr_expect_str_eq(z, "y:string\nc\nd\n");
  free(z);
  z = kqltestRun("let E = datatable(s:string, d:string)['a','b'];\n"
                 "E | make-graph s --> d with_node_id=n | graph-match (x)-[e*1..toupper('a')]->(y) project y = y.n", 0, &rc);
  cr_expect(strstr(z, "error"), "got: %s", z);
  free(z);
}

/* graph-shortest-paths takes cycles=none (what it searches with); the other
** cycles rules are not supported there. */
Test(docs_library, shortest_paths_cycles){
  int rc;
  const char *zG = "let E = datatable(s:string, d:string)['a','b', 'b','c', 'a','c'];\n"
                   "E | make-graph s --> d with_node_id=n | ";
  char *zQ = malloc(1000);
  snprintf(zQ, 1000, "%sgraph-shortest-paths cycles=none (x)-[e*1..3]->(y) where x.n == 'a' and y.n == 'c' "
                     "project len = array_length(e.s)", zG);
  char *z = kqltestRun(zQ, 0, &rc);
  cr_expect_str_eq(z, "len:long\n1\n");
  free(z);
  snprintf(zQ, 1000, "%sgraph-shortest-paths cycles=all (x)-[e*1..3]->(y) project y = y.n", zG);
  z = kqltestRun(zQ, 0, &rc);
  cr_expect(strstr(z, "not supported: graph-shortest-paths option cycles"), "got: %s", z);
  free(z);
  free(zQ);
}

/* SQLite's names ignore case: Labels and a query-made labels stay apart
** (bind_names.c gives the made one its own SQL spelling), as the last
** operator and when a later operator reads them. */
Test(docs_library, case_only_names){
  int rc;
  char *z = kqltestRun("print Labels=dynamic({'b':1,'a':2}) | extend labels = dynamic_to_json(Labels)", 0, &rc);
  cr_expect_str_eq(z, "Labels:dynamic,labels:string\n{\"b\":1,\"a\":2},{\"a\":2,\"b\":1}\n");
  free(z);
  z = kqltestRun("print Labels=dynamic({'b':1,'a':2}) | extend labels = dynamic_to_json(Labels)\n"
                 "| summarize count() by labels", 0, &rc);
  cr_expect_str_eq(z, "labels:string,count_:long\n{\"a\":2,\"b\":1},1\n");
  free(z);
}
