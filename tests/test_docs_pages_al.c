/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** End-to-end tests taken from the KQL reference docs' pages whose names
** start with a..l (functions, aggregates, operators, plugins, graph pages and
** functions/user-defined-functions), for examples that build their own data
** and are neither in shared/conformance/cases.jsonl nor in the other
** test_docs_*.c files. Each case is the docs' query and the docs' output in
** kqltestRun's form (column types from the oracle). Fixed by this sweep:
** a positional argument after a name=value one goes to the next parameter
** no argument names (checkLength(len=3, input)); T | as Name | union
** withsource=... labels the piped leg Name; bag_zip() with values that are
** not an array gives every key a null value; hll_merge() of 2 to 64 sketches
** is the scalar merge.
*/
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include "kqltest.h"

#define N(A) (sizeof(A)/sizeof(A[0]))

static const KqlTestCase aDocs[] = {
  /* assert#0 */
  {"let checkLength = (len:long, s:string)\n"
   "{\n"
   "    assert(len > 0, \"Length must be greater than zero\") and \n"
   "    strlen(s) > len\n"
   "};\n"
   "datatable(input:string)\n"
   "[\n"
   "    '123',\n"
   "    '4567'\n"
   "]\n"
   "| where checkLength(len=long(-1), input)",
   "input:string\n"
   "error KQL300 @125+90: runtime error: assert() has failed with message: 'Length must be greater than zero'\n"},
  /* assert#1 */
  {"let checkLength = (len:long, s:string)\n"
   "{\n"
   "    assert(len > 0, \"Length must be greater than zero\") and strlen(s) > len\n"
   "};\n"
   "datatable(input:string)\n"
   "[\n"
   "    '123',\n"
   "    '4567'\n"
   "]\n"
   "| where checkLength(len=3, input)",
   "input:string\n"
   "4567\n"},
  /* bag-pack-columns#0 */
  {"datatable(Id: string, Value: string, Other: long)\n"
   "[\n"
   "    \"A\", \"val_a\", 1,\n"
   "    \"B\", \"val_b\", 2,\n"
   "    \"C\", \"val_c\", 3\n"
   "]\n"
   "| extend Packed = bag_pack_columns(Id, Value)",
   "Id:string,Value:string,Other:long,Packed:dynamic\n"
   "A,val_a,1,{\"Id\":\"A\",\"Value\":\"val_a\"}\n"
   "B,val_b,2,{\"Id\":\"B\",\"Value\":\"val_b\"}\n"
   "C,val_c,3,{\"Id\":\"C\",\"Value\":\"val_c\"}\n"},
  /* beta-inv#0 */
  {"datatable(p:double, alpha:double, beta:double, comment:string)\n"
   "[\n"
   "    0.1, 10.0, 20.0, \"Valid input\",\n"
   "    1.5, 10.0, 20.0, \"p > 1, yields null\",\n"
   "    0.1, double(-1.0), 20.0, \"alpha is < 0, yields NaN\"\n"
   "]\n"
   "| extend b = beta_inv(p, alpha, beta)",
   "p:real,alpha:real,beta:real,comment:string,b:real\n"
   "0.1,10,20,Valid input,0.2264150223887485\n"
   "1.5,10,20,p > 1, yields null,null\n"
   "0.1,-1,20,alpha is < 0, yields NaN,NaN\n"},
  /* bitset-count-ones#0 */
  {"// 42 = 32+8+2 : b'00101010' == 3 bits set\n"
   "print ones = bitset_count_ones(42) ",
   "ones:long\n"
   "3\n"},
  /* as-operator#0 */
  {"range x from 1 to 10 step 1 \n"
   "| as T1 \n"
   "| union withsource=TableName (range x from 1 to 10 step 1 | as T2)",
   "TableName:string,x:long\n"
   "T1,1\n"
   "T1,2\n"
   "T1,3\n"
   "T1,4\n"
   "T1,5\n"
   "T1,6\n"
   "T1,7\n"
   "T1,8\n"
   "T1,9\n"
   "T1,10\n"
   "T2,1\n"
   "T2,2\n"
   "T2,3\n"
   "T2,4\n"
   "T2,5\n"
   "T2,6\n"
   "T2,7\n"
   "T2,8\n"
   "T2,9\n"
   "T2,10\n"},
  /* any-graph-function#0 */
  {"// Locations table (nodes)\n"
   "let Locations = datatable(LocationName: string, LocationType: string) [\n"
   "    \"New York\", \"City\",\n"
   "    \"San Francisco\", \"City\",\n"
   "    \"Chicago\", \"City\",\n"
   "    \"Los Angeles\", \"City\",\n"
   "    \"Seattle\", \"Warehouse\"\n"
   "];\n"
   "// Routes table (edges)\n"
   "let Routes = datatable(OriginLocationID: string, DestinationLocationID: string, TransportMode: string) [\n"
   "    \"New York\", \"San Francisco\", \"Truck\",\n"
   "    \"New York\", \"Chicago\", \"Train\",\n"
   "    \"San Francisco\", \"Los Angeles\", \"Truck\",\n"
   "    \"Chicago\", \"Seattle\", \"Train\",\n"
   "    \"Los Angeles\", \"New York\", \"Truck\",\n"
   "    \"Seattle\", \"San Francisco\", \"Train\"\n"
   "];\n"
   "Routes\n"
   "| make-graph OriginLocationID --> DestinationLocationID with Locations on LocationName\n"
   "| graph-match (src)-[route*1..2]->(dest)\n"
   "  where any(route, TransportMode == \"Train\")\n"
   "  project src.LocationName, \n"
   "        dest.LocationName, \n"
   "        route_TransportModes = map(route, TransportMode)",
   "src_LocationName:string,dest_LocationName:string,route_TransportModes:dynamic\n"
   "New York,Chicago,[\"Train\"]\n"
   "New York,Seattle,[\"Train\",\"Train\"]\n"
   "Chicago,San Francisco,[\"Train\",\"Train\"]\n"
   "Chicago,Seattle,[\"Train\"]\n"
   "Los Angeles,Chicago,[\"Truck\",\"Train\"]\n"
   "Seattle,San Francisco,[\"Train\"]\n"
   "Seattle,Los Angeles,[\"Train\",\"Truck\"]\n"},
  /* bag-unpack#4 */
  {"datatable(d:dynamic)\n"
   "[\n"
   "    dynamic({\"Name\": \"John\", \"Age\":20, \"Address\": \"Address-1\" }),\n"
   "    dynamic({\"Name\": \"Dave\", \"Age\":40, \"Address\": \"Address-2\"}),\n"
   "    dynamic({\"Name\": \"Jasmine\", \"Age\":30, \"Address\": \"Address-3\"}),\n"
   "]\n"
   "// Ignore 'Age' and 'Address' properties\n"
   "| evaluate bag_unpack(d, ignoredProperties=dynamic(['Address', 'Age']))",
   "Name:string\n"
   "John\n"
   "Dave\n"
   "Jasmine\n"},
  /* bag-unpack#6: in test_docs_tabular.c */
  /* bag-zip#0 */
  {"let Data = datatable(KeysArray: dynamic, ValuesArray: dynamic) [\n"
   "    dynamic(['a', 'b', 'c']), dynamic([1, '2', 3.4])\n"
   "];\n"
   "Data\n"
   "| extend NewBag = bag_zip(KeysArray, ValuesArray)",
   "KeysArray:dynamic,ValuesArray:dynamic,NewBag:dynamic\n"
   "[\"a\",\"b\",\"c\"],[1,\"2\",3.4],{\"a\":1,\"b\":\"2\",\"c\":3.4}\n"},
  /* bag-zip#2 */
  {"let Data = datatable(KeysArray: dynamic, ValuesArray: dynamic) [\n"
   "    dynamic(['a', 'b']), dynamic([1, '2', 2.5])\n"
   "];\n"
   "Data\n"
   "| extend NewBag = bag_zip(KeysArray, ValuesArray)",
   "KeysArray:dynamic,ValuesArray:dynamic,NewBag:dynamic\n"
   "[\"a\",\"b\"],[1,\"2\",2.5],{\"a\":1,\"b\":\"2\"}\n"},
  /* bag-zip#4 */
  {"let Data = datatable(KeysArray: dynamic, ValuesArray: dynamic) [\n"
   "    dynamic(['a', 8, 'b']), dynamic(1)\n"
   "];\n"
   "Data\n"
   "| extend NewBag = bag_zip(KeysArray, ValuesArray)",
   "KeysArray:dynamic,ValuesArray:dynamic,NewBag:dynamic\n"
   "[\"a\",8,\"b\"],1,{\"a\":null,\"b\":null}\n"},
  /* graph-best-practices#0 */
  {"let allEmployees = datatable(organization: string, name:string, age:long)\n"
   "[\n"
   "  \"R&D\", \"Alice\", 32,\n"
   "  \"R&D\",\"Bob\", 31,\n"
   "  \"R&D\",\"Eve\", 27,\n"
   "  \"R&D\",\"Mallory\", 29,\n"
   "  \"Marketing\", \"Alex\", 35\n"
   "];\n"
   "let allReports = datatable(employee:string, manager:string, modificationDate: datetime)\n"
   "[\n"
   "  \"Bob\", \"Alice\", datetime(2022-05-23),\n"
   "  \"Bob\", \"Eve\", datetime(2023-01-01),\n"
   "  \"Eve\", \"Mallory\", datetime(2022-05-23),\n"
   "  \"Alice\", \"Dave\", datetime(2022-05-23)\n"
   "];\n"
   "let filteredEmployees =\n"
   "    allEmployees\n"
   "    | where organization == \"R&D\"\n"
   "    | project-away age, organization;\n"
   "let filteredReports =\n"
   "    allReports\n"
   "    | summarize arg_max(modificationDate, *) by employee\n"
   "    | project-away modificationDate;\n"
   "filteredReports\n"
   "| make-graph employee --> manager with filteredEmployees on name\n"
   "| graph-match (employee)-[hasManager*2..5]-(manager)\n"
   "  where employee.name == \"Bob\"\n"
   "  project employee = employee.name, topManager = manager.name",
   "employee:string,topManager:string\n"
   "Bob,Mallory\n"},
  /* graph-mark-components#1 */
  {"let ChildOf = datatable(child:string, parent:string) \n"
   "[ \n"
   "  \"Alice\", \"Bob\",  \n"
   "  \"Carol\", \"Alice\",  \n"
   "  \"Carol\", \"Dave\",  \n"
   "  \"Greg\", \"Alice\",  \n"
   "  \"Greg\", \"Dave\",  \n"
   "  \"Howard\", \"Alice\",  \n"
   "  \"Howard\", \"Dave\",  \n"
   "  \"Eve\", \"Frank\",  \n"
   "  \"Frank\", \"Mallory\",\n"
   "  \"Eve\", \"Kirk\",\n"
   "]; \n"
   "ChildOf \n"
   "| make-graph child --> parent with_node_id=name\n"
   "| graph-mark-components with_component_id = family\n"
   "| graph-match (descendant)-[childOf*1..5]->(ancestor)\n"
   "  project name = ancestor.name, lineage = map(childOf, child), family = ancestor.family\n"
   "| summarize (generations, name) = arg_max(array_length(lineage),name) by family",
   "family:long,generations:long,name:string\n"
   "0,2,Bob\n"
   "1,2,Mallory\n"},
  /* graph-match-operator#2 */
  {"let Entities = datatable(name:string, type:string, age:long) \n"
   "[ \n"
   "  \"Alice\", \"Person\", 23,  \n"
   "  \"Bob\", \"Person\", 31,  \n"
   "  \"Eve\", \"Person\", 17,  \n"
   "  \"Mallory\", \"Person\", 29,  \n"
   "  \"Apollo\", \"System\", 99 \n"
   "]; \n"
   "let Actions = datatable(source:string, destination:string, action_type:string) \n"
   "[ \n"
   "  \"Alice\", \"Bob\", \"communicatesWith\",  \n"
   "  \"Alice\", \"Apollo\", \"trusts\",  \n"
   "  \"Bob\", \"Apollo\", \"hasPermission\",  \n"
   "  \"Eve\", \"Alice\", \"attacks\",  \n"
   "  \"Mallory\", \"Alice\", \"attacks\",  \n"
   "  \"Mallory\", \"Bob\", \"attacks\"  \n"
   "]; \n"
   "Actions \n"
   "| make-graph source --> destination with Entities on name \n"
   "| graph-match (mallory)-[attacks]->(compromised)-[hasPermission]->(apollo), (compromised)-[communicates]-(alice) \n"
   "  where mallory.name == \"Mallory\" and apollo.name == \"Apollo\" and attacks.action_type == \"attacks\" and hasPermission.action_type == \"hasPermission\" and alice.name == \"Alice\"\n"
   "  project Attacker = mallory.name, Compromised = compromised.name, System = apollo.name",
   "Attacker:string,Compromised:string,System:string\n"
   "Mallory,Bob,Apollo\n"},
  /* ipv6-lookup-plugin#1 */
  {"// IP lookup table: IP_Data (the data is generated by ChatGPT).\n"
   "let IP_Data = datatable(network:string, continent_code:string ,continent_name:string, country_iso_code:string, country_name:string)\n"
   "[\n"
   "  \"2001:0db8:85a3::/48\",\"NA\",\"North America\",\"US\",\"United States\",\n"
   "  \"2404:6800:4001::/48\",\"AS\",\"Asia\",\"JP\",\"Japan\",\n"
   "  \"2a00:1450:4001::/48\",\"EU\",\"Europe\",\"DE\",\"Germany\",\n"
   "  \"2800:3f0:4001::/48\",\"SA\",\"South America\",\"BR\",\"Brazil\",\n"
   "  \"2c0f:fb50:4001::/48\",\"AF\",\"Africa\",\"ZA\",\"South Africa\",\n"
   "  \"2607:f8b0:4001::/48\",\"NA\",\"North America\",\"CA\",\"Canada\",\n"
   "  \"2a02:26f0:4001::/48\",\"EU\",\"Europe\",\"FR\",\"France\",\n"
   "  \"2400:cb00:4001::/48\",\"AS\",\"Asia\",\"IN\",\"India\",\n"
   "  \"2801:0db8:85a3::/48\",\"SA\",\"South America\",\"AR\",\"Argentina\",\n"
   "  \"2a03:2880:4001::/48\",\"EU\",\"Europe\",\"GB\",\"United Kingdom\"\n"
   "];\n"
   "let IPs = datatable(ip:string)\n"
   "[\n"
   "  \"2001:0db8:85a3:0000:0000:8a2e:0370:7334\", // United States\n"
   "  \"2404:6800:4001:0001:0000:8a2e:0370:7334\", // Japan\n"
   "  \"2a02:26f0:4001:0006:0000:8a2e:0370:7334\", // France\n"
   "  \"a5e:f127:8a9d:146d:e102:b5d3:c755:abcd\",  // N/A\n"
   "  \"a5e:f127:8a9d:146d:e102:b5d3:c755:abce\"   // N/A\n"
   "];\n"
   "IPs\n"
   "| evaluate ipv6_lookup(IP_Data, ip, network, true)",
   "network:string,continent_code:string,continent_name:string,country_iso_code:string,country_name:string,ip:string\n"
   "2001:0db8:85a3::/48,NA,North America,US,United States,2001:0db8:85a3:0000:0000:8a2e:0370:7334\n"
   "2404:6800:4001::/48,AS,Asia,JP,Japan,2404:6800:4001:0001:0000:8a2e:0370:7334\n"
   "2a02:26f0:4001::/48,EU,Europe,FR,France,2a02:26f0:4001:0006:0000:8a2e:0370:7334\n"
   ",,,,,a5e:f127:8a9d:146d:e102:b5d3:c755:abcd\n"
   ",,,,,a5e:f127:8a9d:146d:e102:b5d3:c755:abce\n"},
  /* hll-merge-function#0 */
  {"range x from 1 to 10 step 1 \n"
   "| extend y = x + 10\n"
   "| summarize hll_x = hll(x), hll_y = hll(y)\n"
   "| project merged = hll_merge(hll_x, hll_y)\n"
   "| project dcount_hll(merged)",
   "dcount_hll_merged:long\n"
   "20\n"},
  /* bag-merge-function#0 */
  {"print result = bag_merge(\n"
   "   dynamic({'A1':12, 'B1':2, 'C1':3}),\n"
   "   dynamic({'A2':81, 'B2':82, 'A1':1}))",
   "result:dynamic\n"
   "{\"A1\":12,\"B1\":2,\"C1\":3,\"A2\":81,\"B2\":82}\n"},
  /* bag-pack-function#0 */
  {"print bag_pack(\"Level\", \"Information\", \"ProcessID\", 1234, \"Data\", bag_pack(\"url\", \"www.bing.com\"))",
   "print_0:dynamic\n"
   "{\"Level\":\"Information\",\"ProcessID\":1234,\"Data\":{\"url\":\"www.bing.com\"}}\n"},
  /* bag-pack-function#2: in test_docs_scalar.c */
  /* hash-xxhash64-function#0 */
  {"print result=hash_xxhash64(\"World\")",
   "result:long\n"
   "1846988464401551951\n"},
  /* hash-xxhash64-function#1 */
  {"print result=hash_xxhash64(\"World\", 100)",
   "result:long\n"
   "51\n"},
  /* has-any-ipv4-function#1 */
  {"print result=has_any_ipv4('05:04:54 127.0.0.1 GET /favicon.ico 404', dynamic(['127.0.0.1', '127.0.0.2']))",
   "result:bool\n"
   "true\n"},
  /* has-any-ipv4-function#2 */
  {"print result=has_any_ipv4('05:04:54 127.0.0.256 GET /favicon.ico 404', dynamic([\"127.0.0.256\", \"192.168.1.1\"]))",
   "result:bool\n"
   "false\n"},
};
Test(docs_pages_al, examples){ kqltestRunCases(aDocs, N(aDocs), 0); }
