/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** End-to-end tests of the graph operators (bind_graph*.c): make-graph (with
** node tables or with_node_id), graph-match (named and anonymous elements,
** the three directions, variable-length edges, cycles=), the graph functions
** (all, any, map, inner_nodes, node_id, node_degree_in/out, e.prop of a
** variable-length edge), graph-shortest-paths (output=any|all),
** graph-to-table and graph-mark-components. Expected results are the KQL
** reference docs' examples (sorted with '| sort' where the docs' order is not
** defined); the rest follow the rules the docs state (unique_edges lets no
** edge repeat in a match, inner_nodes excludes both ends, ...). Unsupported
** forms must say "not supported" at their location.
*/
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdlib.h>
#include <string.h>
#include "kqltest.h"
#include "kql.h"
#include "parse.h"

typedef struct GraphCase GraphCase;
struct GraphCase {
  const char *zQuery;
  const char *zExpect;  /* whole result text, or the start of the first diagnostic */
};

/* The docs' data sets */
#define EMPLOYEES \
  "let employees = datatable(name:string, age:long)[\"Alice\", 32, \"Bob\", 31, \"Eve\", 27, \"Joe\", 29, " \
  "\"Chris\", 45, \"Alex\", 35, \"Ben\", 23, \"Richard\", 39];" \
  "let reports = datatable(employee:string, manager:string)[\"Bob\", \"Alice\", \"Chris\", \"Alice\", " \
  "\"Eve\", \"Bob\", \"Ben\", \"Chris\", \"Joe\", \"Alice\", \"Richard\", \"Bob\"];"
#define CONNECTIONS \
  "let connections = datatable(from_station:string, to_station:string, line:string)[" \
  "\"Central\", \"North\", \"red\", \"North\", \"Central\", \"red\", \"Central\", \"South\", \"red\", " \
  "\"South\", \"Central\", \"red\", \"South\", \"South-West\", \"red\", \"South-West\", \"South\", \"red\", " \
  "\"South-West\", \"West\", \"red\", \"West\", \"South-West\", \"red\", \"Central\", \"East\", \"blue\", " \
  "\"East\", \"Central\", \"blue\", \"Central\", \"West\", \"blue\", \"West\", \"Central\", \"blue\"];"
#define STATIONS \
  "let stations = datatable(station:string, wifi:bool)[\"Central\", true, \"North\", false, \"South\", false, " \
  "\"South-West\", true, \"West\", true, \"East\", false];"
#define ACTIONS \
  "let Entities = datatable(name:string, type:string, age:long)[\"Alice\", \"Person\", 23, \"Bob\", \"Person\", 31, " \
  "\"Eve\", \"Person\", 17, \"Mallory\", \"Person\", 29, \"Apollo\", \"System\", 99];" \
  "let Actions = datatable(source:string, destination:string, action_type:string)[" \
  "\"Alice\", \"Bob\", \"communicatesWith\", \"Alice\", \"Apollo\", \"trusts\", \"Bob\", \"Apollo\", \"hasPermission\", " \
  "\"Eve\", \"Alice\", \"attacks\", \"Mallory\", \"Alice\", \"attacks\", \"Mallory\", \"Bob\", \"attacks\"];"
#define ROUTES \
  "let Locations = datatable(LocationName:string, LocationType:string)[\"New York\", \"City\", " \
  "\"San Francisco\", \"City\", \"Chicago\", \"City\", \"Los Angeles\", \"City\", \"Seattle\", \"Warehouse\"];" \
  "let Routes = datatable(OriginLocationID:string, DestinationLocationID:string, TransportMode:string)[" \
  "\"New York\", \"San Francisco\", \"Truck\", \"New York\", \"Chicago\", \"Train\", " \
  "\"San Francisco\", \"Los Angeles\", \"Truck\", \"Chicago\", \"Seattle\", \"Train\", " \
  "\"Los Angeles\", \"New York\", \"Truck\", \"Seattle\", \"San Francisco\", \"Train\"];"
#define PEOPLE \
  "let nodes = datatable(name:string, type:string, age:long)[\"Alice\", \"Person\", 23, \"Bob\", \"Person\", 31, " \
  "\"Eve\", \"Person\", 17, \"Trent\", \"System\", 99];" \
  "let edges = datatable(source:string, destination:string, edge_type:string)[" \
  "\"Alice\", \"Bob\", \"communicatesWith\", \"Alice\", \"Trent\", \"trusts\", \"Bob\", \"Trent\", \"hasPermission\", " \
  "\"Eve\", \"Alice\", \"attacks\", \"Mallory\", \"Alice\", \"attacks\", \"Mallory\", \"Bob\", \"attacks\"];"
#define SMALL \
  "let E = datatable(s:string, d:string, w:long)[\"a\",\"b\",1, \"b\",\"c\",2, \"c\",\"a\",3, \"c\",\"d\",4];"

static const GraphCase aDocs[] = {
  /* 0: graph-match: variable-length edge against the edge direction, map() of an edge property */
  {EMPLOYEES "reports | make-graph employee --> manager with employees on name"
   " | graph-match (alice)<-[reports*1..5]-(employee) where alice.name == \"Alice\" and employee.age < 30"
   " project employee = employee.name, age = employee.age, reportingPath = map(reports, manager)"
   " | sort by employee asc",
   "employee:string,age:long,reportingPath:dynamic\n"
   "Ben,23,[\"Alice\",\"Chris\"]\nEve,27,[\"Alice\",\"Bob\"]\nJoe,29,[\"Alice\"]\n"},
  /* 1: graph-match: fixed edges with named edge variables */
  {ACTIONS "Actions | make-graph source --> destination with Entities on name"
   " | graph-match (mallory)-[attacks]->(compromised)-[hasPermission]->(apollo)"
   " where mallory.name == \"Mallory\" and apollo.name == \"Apollo\" and attacks.action_type == \"attacks\""
   " and hasPermission.action_type == \"hasPermission\""
   " project Attacker = mallory.name, Compromised = compromised.name, System = apollo.name",
   "Attacker:string,Compromised:string,System:string\nMallory,Bob,Apollo\n"},
  /* 2: all(): a node variable used twice closes the cycle; no edge twice (unique_edges) */
  {CONNECTIONS "connections | make-graph from_station --> to_station with_node_id=station"
   " | graph-match (start)-[outward*1..5]->(destination)-[return*1..5]->(start)"
   " where start.station != destination.station and all(outward, line == \"red\") and all(return, line == \"blue\")"
   " project from = start.station, outward_stations = strcat_array(map(inner_nodes(outward), station), \"->\"),"
   " to = destination.station, return_stations = strcat_array(map(inner_nodes(return), station), \"->\"),"
   " back = start.station | sort by from asc, outward_stations asc, return_stations asc",
   "from:string,outward_stations:string,to:string,return_stations:string,back:string\n"
   "Central,North->Central->South->South-West,West,,Central\n"
   "Central,North->Central->South->South-West,West,Central->East,Central\n"
   "Central,South->South-West,West,,Central\n"
   "Central,South->South-West,West,Central->East,Central\n"
   "West,South-West->South,Central,,West\n"
   "West,South-West->South,Central,East->Central,West\n"
   "West,South-West->South->Central->North,Central,,West\n"
   "West,South-West->South->Central->North,Central,East->Central,West\n"},
  /* 3: any() over inner_nodes(), cycles=none */
  {CONNECTIONS STATIONS "connections | make-graph from_station --> to_station with stations on station"
   " | graph-match cycles=none (start)-[connections*2..5]->(destination)"
   " where start.station == \"South-West\" and destination.station == \"North\" and any(inner_nodes(connections), wifi)"
   " project from = start.station, stations = strcat_array(map(inner_nodes(connections), station), \"->\"),"
   " to = destination.station | sort by stations asc",
   "from:string,stations:string,to:string\nSouth-West,South->Central,North\nSouth-West,West->Central,North\n"},
  /* 4: inner_nodes() inside all() and map() */
  {EMPLOYEES "reports | make-graph employee --> manager with employees on name"
   " | graph-match (manager)<-[reports*1..5]-(employee)"
   " where manager.name == \"Alice\" and all(inner_nodes(reports), age < 40)"
   " project employee = employee.name, manager = manager.name, reportingPath = map(inner_nodes(reports), name)"
   " | sort by employee asc",
   "employee:string,manager:string,reportingPath:dynamic\n"
   "Bob,Alice,[]\nChris,Alice,[]\nEve,Alice,[\"Bob\"]\nJoe,Alice,[]\nRichard,Alice,[\"Bob\"]\n"},
  /* 5: map() of an expression over the edges of a shortest path */
  {CONNECTIONS "connections | make-graph from_station --> to_station with_node_id=station"
   " | graph-shortest-paths (start)-[connections*1..5]->(destination)"
   " where start.station == \"South-West\" and destination.station == \"North\""
   " project from = start.station, path = map(connections, strcat(to_station, \" (\", line, \")\")), to = destination.station",
   "from:string,path:dynamic,to:string\nSouth-West,[\"South (red)\",\"Central (red)\",\"North (red)\"],North\n"},
  /* 6: map() over inner nodes with an iff() of two properties */
  {CONNECTIONS STATIONS "connections | make-graph from_station --> to_station with stations on station"
   " | graph-match cycles=none (start)-[connections*1..5]->(destination)"
   " where start.station == \"South-West\" and destination.station == \"East\""
   " project stopovers = strcat_array(map(inner_nodes(connections), station), \"->\"),"
   " stopovers_with_wifi = set_intersect(map(inner_nodes(connections), station), map(inner_nodes(connections), iff(wifi, station, \"\")))"
   " | sort by stopovers asc",
   "stopovers:string,stopovers_with_wifi:dynamic\nSouth->Central,[\"Central\"]\nWest->Central,[\"West\",\"Central\"]\n"},
  /* 7: node_degree_out() of a node and, without argument, of each inner node */
  {ROUTES "Routes | make-graph OriginLocationID --> DestinationLocationID with Locations on LocationName"
   " | graph-match (src)-[route*1..2]->(dest)"
   " project src.LocationName, dest.LocationName, node_degree_out(src), route_TransportModes = map(route, TransportMode),"
   " route_nodes_degree_out = map(inner_nodes(route), node_degree_out())"
   " | sort by src_LocationName asc, dest_LocationName asc",
   "src_LocationName:string,dest_LocationName:string,node_degree_out:long,route_TransportModes:dynamic,"
   "route_nodes_degree_out:dynamic\n"
   "Chicago,San Francisco,1,[\"Train\",\"Train\"],[1]\n"
   "Chicago,Seattle,1,[\"Train\"],[]\n"
   "Los Angeles,Chicago,1,[\"Truck\",\"Train\"],[2]\n"
   "Los Angeles,New York,1,[\"Truck\"],[]\n"
   "Los Angeles,San Francisco,1,[\"Truck\",\"Truck\"],[2]\n"
   "New York,Chicago,2,[\"Train\"],[]\n"
   "New York,Los Angeles,2,[\"Truck\",\"Truck\"],[1]\n"
   "New York,San Francisco,2,[\"Truck\"],[]\n"
   "New York,Seattle,2,[\"Train\",\"Train\"],[1]\n"
   "San Francisco,Los Angeles,1,[\"Truck\"],[]\n"
   "San Francisco,New York,1,[\"Truck\",\"Truck\"],[1]\n"
   "Seattle,Los Angeles,1,[\"Train\",\"Truck\"],[1]\n"
   "Seattle,San Francisco,1,[\"Train\"],[]\n"},
  /* 8: node_id() of a node and of inner nodes */
  {"let employees = datatable(name:string, age:long)[\"Alice\", 32, \"Bob\", 31, \"Eve\", 27];"
   "let reports = datatable(employee:string, manager:string)[\"Bob\", \"Alice\", \"Chris\", \"Alice\", \"Eve\", \"Bob\"];"
   "reports | make-graph employee --> manager with employees on name"
   " | graph-match (employee)-[reports*1..3]->(manager) where node_id(employee) startswith \"E\""
   " project manager1 = node_id(manager), manager2 = map(inner_nodes(reports), node_id()) | sort by manager1 asc",
   "manager1:string,manager2:dynamic\nAlice,[\"Bob\"]\nBob,[]\n"},
  /* 9: graph-shortest-paths, output=any (default) */
  {CONNECTIONS "connections | make-graph from_station --> to_station with_node_id=station"
   " | graph-shortest-paths (start)-[connections*1..5]->(destination)"
   " where start.station == \"South-West\" and destination.station == \"North\""
   " project from = start.station, path = map(connections, to_station), line = map(connections, line), to = destination.station",
   "from:string,path:dynamic,line:dynamic,to:string\n"
   "South-West,[\"South\",\"Central\",\"North\"],[\"red\",\"red\",\"red\"],North\n"},
  /* 10: graph-shortest-paths output=all */
  {CONNECTIONS "connections | make-graph from_station --> to_station with_node_id=station"
   " | graph-shortest-paths output=all (start)-[connections*1..5]->(destination)"
   " where start.station == \"South-West\" and destination.station == \"North\""
   " project from = start.station, path = map(connections, to_station), line = map(connections, line), to = destination.station"
   " | sort by tostring(path) asc",
   "from:string,path:dynamic,line:dynamic,to:string\n"
   "South-West,[\"South\",\"Central\",\"North\"],[\"red\",\"red\",\"red\"],North\n"
   "South-West,[\"West\",\"Central\",\"North\"],[\"red\",\"blue\",\"red\"],North\n"},
  /* 11: graph-to-table nodes with the node hash; a node only in the edges has empty properties */
  {PEOPLE "edges | make-graph source --> destination with nodes on name | graph-to-table nodes with_node_id=NodeId",
   "NodeId:long,name:string,type:string,age:long\n"
   "-3122868243544336885,Alice,Person,23\n-7133945255344544237,Bob,Person,31\n"
   "4363395278938690453,Eve,Person,17\n2533909231875758225,Trent,System,99\n3855580634910899594,Mallory,,null\n"},
  /* 12: graph-to-table edges with the source and target hashes */
  {PEOPLE "edges | make-graph source --> destination with nodes on name"
   " | graph-to-table edges with_source_id=SourceId with_target_id=TargetId | take 2",
   "SourceId:long,TargetId:long,source:string,destination:string,edge_type:string\n"
   "-3122868243544336885,-7133945255344544237,Alice,Bob,communicatesWith\n"
   "-3122868243544336885,2533909231875758225,Alice,Trent,trusts\n"},
  /* 13: graph-mark-components (weak) */
  {"let ChildOf = datatable(child:string, parent:string)[\"Alice\", \"Bob\", \"Carol\", \"Alice\", \"Carol\", \"Dave\", "
   "\"Greg\", \"Alice\", \"Greg\", \"Dave\", \"Howard\", \"Alice\", \"Howard\", \"Dave\", \"Eve\", \"Frank\", "
   "\"Frank\", \"Mallory\", \"Eve\", \"Kirk\"];"
   "ChildOf | make-graph child --> parent with_node_id=name | graph-mark-components with_component_id = family"
   " | graph-to-table nodes",
   "name:string,family:long\nAlice,0\nBob,0\nCarol,0\nDave,0\nGreg,0\nHoward,0\nEve,1\nFrank,1\nMallory,1\nKirk,1\n"},
};

static const GraphCase aRules[] = {
  /* 0: kind=strong: a, b, c are a cycle; d is reached but does not reach back */
  {SMALL "E | make-graph s --> d with_node_id=n | graph-mark-components kind=strong | graph-to-table nodes",
   "n:string,ComponentId:long\na,0\nb,0\nc,0\nd,1\n"},
  /* 1: any-direction edges; unique_edges forbids going back over the same edge */
  {SMALL "E | make-graph s --> d with_node_id=n | graph-match (x)--(y)--(z) where x.n == 'a'"
   " project x.n, y.n, z.n | sort by y_n asc, z_n asc",
   "x_n:string,y_n:string,z_n:string\na,b,c\na,c,b\na,c,d\n"},
  /* 2: ... which cycles=all allows */
  {SMALL "E | make-graph s --> d with_node_id=n | graph-match cycles=all (x)--(y)--(z) where x.n == 'a'"
   " project x.n, y.n, z.n | sort by y_n asc, z_n asc",
   "x_n:string,y_n:string,z_n:string\na,b,a\na,b,c\na,c,a\na,c,b\na,c,d\n"},
  /* 3: a property of a variable-length edge is the array of its values; a let-bound graph */
  {SMALL "let G = E | make-graph s --> d with_node_id=n; G | graph-match (x)-[e*1..3]->(y) where x.n == 'a'"
   " project y.n, e.w | sort by array_length(e_w) asc, y_n asc",
   "y_n:string,e_w:dynamic\nb,[1]\nc,[1,2]\na,[1,2,3]\nd,[1,2,4]\n"},
  /* 4: anonymous elements, <-- and node_degree_in() */
  {SMALL "E | make-graph s --> d with_node_id=n | graph-match (x)<--()<--(y) project x.n, y.n, node_degree_in(x)"
   " | sort by x_n asc",
   "x_n:string,y_n:string,node_degree_in:long\na,b,1\nb,c,1\nc,a,1\nd,b,1\n"},
  /* 5: two node tables, merged by node id; an edge end in neither keeps only its id */
  {"let A = datatable(name:string, age:long)[\"x\", 30];"
   "let B = datatable(name:string, city:string)[\"x\", \"Oslo\", \"y\", \"Rome\"];"
   "datatable(s:string, d:string)[\"x\",\"y\", \"y\",\"z\"] | make-graph s --> d with A on name, B on name"
   " | graph-to-table nodes",
   "name:string,age:long,city:string\nx,30,Oslo\ny,null,Rome\nz,null,\n"},
  /* 6: partitioned-by: one graph per value, the same node id in two partitions is two nodes */
  {"let P = datatable(s:string, d:string, t:string)[\"a\",\"b\",\"T1\", \"b\",\"c\",\"T1\", \"a\",\"c\",\"T2\"];"
   "P | make-graph s --> d with_node_id=n partitioned-by t (graph-match (x)-[e*1..2]->(y)"
   " project x.n, y.n, node_degree_out(x), e.t) | sort by x_n asc, y_n asc, tostring(e_t) asc",
   "x_n:string,y_n:string,node_degree_out:long,e_t:dynamic\n"
   "a,b,1,[\"T1\"]\na,c,1,[\"T1\",\"T1\"]\na,c,1,[\"T2\"]\nb,c,1,[\"T1\"]\n"},
  /* 7: ... components are numbered per partition */
  {"let P = datatable(s:string, d:string, t:string)[\"a\",\"b\",\"T1\", \"b\",\"c\",\"T1\", \"a\",\"c\",\"T2\"];"
   "P | make-graph s --> d with_node_id=n partitioned-by t (graph-mark-components | graph-to-table nodes)",
   "n:string,ComponentId:long\na,0\nb,0\nc,0\na,0\nc,0\n"},
  /* 8: two comma-separated sequences joined by their shared node variable */
  {SMALL "E | make-graph s --> d with_node_id=n | graph-match (x)-->(m), (m)-->(y) project x.n, m.n, y.n"
   " | sort by x_n asc, y_n asc",
   "x_n:string,m_n:string,y_n:string\na,b,c\nb,c,a\nb,c,d\nc,a,b\n"},
  /* 9: a graph is not a table */
  {SMALL "E | make-graph s --> d", "error KQL106"},
  {SMALL "E | make-graph s --> d | where w > 1", "error KQL106"},
  {SMALL "E | graph-match (x)-->(y) project x.n", "error KQL106"},
  /* 12: unknown columns and properties */
  {SMALL "E | make-graph s --> nope", "error KQL103"},
  {SMALL "E | make-graph s --> d with_node_id=n | graph-match (x)-->(y) project x.zz", "error KQL103"},
  /* 14: what kqlite does not do says so */
  {SMALL "E | make-graph s --> d with_node_id=n | graph-to-table nodes as N, edges as M", "error KQL190"},
  {SMALL "E | make-graph s --> d with_node_id=n | graph-match (x)-[e*0..2]->(y) project x.n", "error KQL190"},
  {SMALL "E | make-graph s --> d with_node_id=n | graph-match (x)-->(y) project labels(x)", "error KQL190"},
  {SMALL "E | make-graph s --> d with_node_id=n | graph-match (x)-->(y)", "error KQL190"},
};

static void check(const GraphCase *c, size_t i){
  int rc;
  char *z = kqltestRun(c->zQuery, 0, &rc);
  if( strncmp(c->zExpect, "error", 5)==0 ){
    cr_expect(strncmp(z, c->zExpect, strlen(c->zExpect))==0, "case %zu: %s\nexpected %s, got:\n%s",
              i, c->zQuery, c->zExpect, z);
    cr_expect_neq(rc, KQL_OK, "case %zu: %s", i, c->zQuery);
  }else{
    cr_expect_str_eq(z, c->zExpect, "case %zu: %s\nexpected:\n%s\ngot:\n%s", i, c->zQuery, c->zExpect, z);
  }
  free(z);
}

#define GRAPH_SUITE(NAME, TABLE) \
  ParameterizedTestParameters(graph, NAME){ \
    static size_t aIdx[sizeof(TABLE)/sizeof(TABLE[0])]; \
    for(size_t i=0; i<sizeof(aIdx)/sizeof(aIdx[0]); i++) aIdx[i] = i; \
    return cr_make_param_array(size_t, aIdx, sizeof(aIdx)/sizeof(aIdx[0])); \
  } \
  ParameterizedTest(size_t *pi, graph, NAME){ check(&TABLE[*pi], *pi); }

GRAPH_SUITE(docs_examples, aDocs)
GRAPH_SUITE(rules, aRules)

/* ------------------------------------------------------------ syntax */

/* Parse zQuery: its AST dump (malloc'ed), or NULL after a syntax error. */
static char *parseDump(const char *zQuery){
  KqlArena *pArena = kqlArenaNew();
  KqlDiagList diags;
  kqlDiagInit(&diags, pArena);
  KqlAst *pQ = kqlParse(pArena, zQuery, (int)strlen(zQuery), &diags);
  char *z = diags.nErr ? 0 : kqlAstDump(pQ);
  kqlArenaFree(pArena);
  return z;
}

Test(graph, pattern_syntax){
  char *z = parseDump("T | make-graph a --> b with U on k"
                      " | graph-match cycles=none (x)-[e*1..3]->(y)<--(), (y)--(z) where x.n == 1 project x.n");
  cr_assert(z!=0);
  cr_expect_str_eq(z,
    "(query @0+120\n"
    "  (pipe @0+120\n"
    "    (ident \"T\" @0+1)\n"
    "    (make-graph @4+30\n"
    "      (ident \"a\" @15+1)\n"
    "      (ident \"b\" @21+1)\n"
    "      (list @28+6\n"
    "        (ident \"U\" @28+1)\n"
    "        (ident \"k\" @33+1)))\n"
    "    (graph-match \"graph-match\" @37+83\n"
    "      (opts\n"
    "        (namedarg \"cycles\" @49+11\n"
    "          (ident \"none\" @56+4)))\n"
    "      (list @61+32\n"
    "        (list @61+22\n"
    "          (graph-node \"x\" @61+3)\n"
    "          (graph-edge \"e\" @64+11\n"
    "            (literal long \"1\" @68+1)\n"
    "            (literal long \"3\" @71+1))\n"
    "          (graph-node \"y\" @75+3)\n"
    "          (graph-edge @78+3)\n"
    "          (graph-node @81+2))\n"
    "        (list @85+8\n"
    "          (graph-node \"y\" @85+3)\n"
    "          (graph-edge @88+2)\n"
    "          (graph-node \"z\" @90+3)))\n"
    "      (binary == @100+8\n"
    "        (member \"n\" @100+3\n"
    "          (ident \"x\" @100+1))\n"
    "        (literal long \"1\" @107+1))\n"
    "      (list @109+11\n"
    "        (member \"n\" @117+3\n"
    "          (ident \"x\" @117+1))))))\n");
  free(z);
}

/* What Microsoft's parser accepts and rejects */
Test(graph, syntax_agrees_with_oracle){
  static const char *const azOk[] = {
    "T | make-graph a --> b with_node_id=n | graph-to-table nodes with_node_id=h",
    "T | make-graph a --> b | graph-to-table nodes as N with_node_id=id, edges as E with_source_id=s",
    "T | make-graph a --> b | graph-mark-components kind=strong with_component_id=c | graph-to-table nodes",
    "T | make-graph a --> b | graph-shortest-paths output=all (x)-[e*1..3]->(y) where x.a == 1 project x.a",
    "T | make-graph a --> b | graph-match cycles=all (x)<--(y)--(z), (z)-[e]-(x) project x.a",
    "T | make-graph a --> b | graph-match (x)-[*1..3]-(y) project x.a",
    "T | make-graph a --> b | graph-match (x)-->(y)",
    "T | make-graph a --> b partitioned-by t (graph-match (x)-->(y) project x.a)",
  };
  static const char *const azBad[] = {
    "T | make-graph a --> b | graph-match (x)-[e*3]->(y) project x.a",
    "T | make-graph a --> b | graph-match (x:Person)-->(y) project x.a",
    "T | make-graph a --> b nodeid=n",
  };
  for(size_t i=0; i<sizeof(azOk)/sizeof(azOk[0]); i++){
    char *z = parseDump(azOk[i]);
    cr_expect(z!=0, "rejected: %s", azOk[i]);
    free(z);
  }
  for(size_t i=0; i<sizeof(azBad)/sizeof(azBad[0]); i++){
    char *z = parseDump(azBad[i]);
    cr_expect(z==0, "accepted: %s", azBad[i]);
    free(z);
  }
}
