/*
** 2026-12-07
** kqlite — offline KQL engine.
**
** Examples from the KQL reference docs on dynamic/array/bag functions and
** the tabular operators (mv-expand, mv-apply, parse, join ...) that are not
** in the conformance cases: each query builds its own data, and the
** expected result (header with KQL types, then rows) is the docs' printed
** output in kqltestRun's text form. Row order is the engine's own where the
** query does not sort (the docs' order differs only there).
*/
#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <stdlib.h>
#include <string.h>
#include "kqltest.h"

typedef struct DocCase DocCase;
struct DocCase {
  const char *zQuery;
  const char *zExpect;
};

static const DocCase aDocs[] = {
  /* array_index_of */
  {
   "let arr=dynamic([\"this\", \"is\", \"an\", \"example\", \"an\", \"example\"]);\n"
   "print\n"
   " idx1 = array_index_of(arr,\"an\")    // lookup found in input string\n"
   " , idx2 = array_index_of(arr,\"example\",1,3) // lookup found in researched range \n"
   " , idx3 = array_index_of(arr,\"example\",1,2) // search starts from index 1, but stops after 2 values, so lookup can't be found\n"
   " , idx4 = array_index_of(arr,\"is\",2,4) // search starts after occurrence of lookup\n"
   " , idx5 = array_index_of(arr,\"example\",2,-1)  // lookup found\n"
   " , idx6 = array_index_of(arr, \"an\", 1, -1, 2)   // second occurrence found in input range\n"
   " , idx7 = array_index_of(arr, \"an\", 1, -1, 3)   // no third occurrence in input array\n"
   " , idx8 = array_index_of(arr, \"an\", -3)   // negative start index will look at last 3 elements\n"
   " , idx9 = array_index_of(arr, \"is\", -4)   // negative start index will look at last 3 elements\n",
   "idx1:long,idx2:long,idx3:long,idx4:long,idx5:long,idx6:long,idx7:long,idx8:long,idx9:long\n"
   "2,3,-1,-1,3,4,-1,4,-1\n"},
  /* array_sort_asc_cmds */
  {
   "datatable(command:string, command_time:datetime, user_id:string)\n"
   "[\n"
   "    'chmod',   datetime(2019-07-15),   \"user1\",\n"
   "    'ls',      datetime(2019-07-02),   \"user1\",\n"
   "    'dir',     datetime(2019-07-22),   \"user1\",\n"
   "    'mkdir',   datetime(2019-07-14),   \"user1\",\n"
   "    'rm',      datetime(2019-07-27),   \"user1\",\n"
   "    'pwd',     datetime(2019-07-25),   \"user1\",\n"
   "    'rm',      datetime(2019-07-23),   \"user2\",\n"
   "    'pwd',     datetime(2019-07-25),   \"user2\",\n"
   "]\n"
   "| summarize timestamps = make_list(command_time), commands = make_list(command) by user_id\n"
   "| project user_id, commands_in_chronological_order = array_sort_asc(timestamps, commands)[1]\n",
   "user_id:string,commands_in_chronological_order:dynamic\n"
   "user1,[\"ls\",\"mkdir\",\"chmod\",\"dir\",\"pwd\",\"rm\"]\n"
   "user2,[\"rm\",\"pwd\"]\n"},
  /* array_sort_asc_names */
  {
   "let Names = \"John,Paul,George,Ringo\";\n"
   "let SortedNames = strcat_array(array_sort_asc(split(Names, \",\")), \",\");\n"
   "print result = SortedNames\n",
   "result:string\n"
   "George,John,Paul,Ringo\n"},
  /* array_sort_asc_nulls */
  {
   "print array_sort_asc(dynamic([null,\"blue\",\"yellow\",\"green\",null])), b=array_sort_asc(dynamic([null,\"blue\",\"yellow\",\"green\",null]), false)\n",
   "print_0:dynamic,b:dynamic\n"
   "[\"blue\",\"green\",\"yellow\",null,null],[null,null,\"blue\",\"green\",\"yellow\"]\n"},
  /* array_sort_asc_two */
  {
   "let array1 = dynamic([1,3,4,5,2]);\n"
   "let array2 = dynamic([\"a\",\"b\",\"c\",\"d\",\"e\"]);\n"
   "print array_sort_asc(array1,array2)\n",
   "array1_sorted:dynamic,array2_sorted:dynamic\n"
   "[1,2,3,4,5],[\"a\",\"e\",\"b\",\"c\",\"d\"]\n"},
  /* bag_keys */
  {
   "datatable(index:long, d:dynamic) [\n"
   "    1, dynamic({'a':'b', 'c':123}), \n"
   "    2, dynamic({'a':'b', 'c':{'d':123}}),\n"
   "    3, dynamic({'a':'b', 'c':[{'d':123}]}),\n"
   "    4, dynamic(null),\n"
   "    5, dynamic({}),\n"
   "    6, dynamic('a'),\n"
   "    7, dynamic([])\n"
   "]\n"
   "| extend keys = bag_keys(d)\n",
   "index:long,d:dynamic,keys:dynamic\n"
   "1,{\"a\":\"b\",\"c\":123},[\"a\",\"c\"]\n"
   "2,{\"a\":\"b\",\"c\":{\"d\":123}},[\"a\",\"c\"]\n"
   "3,{\"a\":\"b\",\"c\":[{\"d\":123}]},[\"a\",\"c\"]\n"
   "4,null,null\n"
   "5,{},[]\n"
   "6,\"a\",null\n"
   "7,[],null\n"},
  /* bag_remove_keys_path */
  {
   "datatable(input:dynamic)\n"
   "[\n"
   "    dynamic({'key1': 123, 'key2': {'prop1' : 'abc', 'prop2': 'xyz'}, 'key3': [100, 200]}),\n"
   "]\n"
   "| extend result=bag_remove_keys(input, dynamic(['$.key2.prop1', 'key3']))\n",
   "input:dynamic,result:dynamic\n"
   "{\"key1\":123,\"key2\":{\"prop1\":\"abc\",\"prop2\":\"xyz\"},\"key3\":[100,200]},{\"key1\":123,\"key2\":{\"prop2\":\"xyz\"}}\n"},
  /* bag_remove_keys_root */
  {
   "datatable(input:dynamic)\n"
   "[\n"
   "    dynamic({'key1' : 123,     'key2': 'abc'}),\n"
   "    dynamic({'key1' : 'value', 'key3': 42.0}),\n"
   "]\n"
   "| extend result=bag_remove_keys(input, dynamic(['key2', 'key4']))\n",
   "input:dynamic,result:dynamic\n"
   "{\"key1\":123,\"key2\":\"abc\"},{\"key1\":123}\n"
   "{\"key1\":\"value\",\"key3\":42.0},{\"key1\":\"value\",\"key3\":42.0}\n"},
  /* bag_set_key_path */
  {
   "datatable(input: dynamic)\n"
   "[\n"
   "    dynamic({'key1': 123, 'key2': {'prop1': 123, 'prop2': 'xyz'}}),\n"
   "    dynamic({'key1': 123})\n"
   "]\n"
   "| extend result = bag_set_key(input, '$.key2.prop1', 'abc')\n",
   "input:dynamic,result:dynamic\n"
   "{\"key1\":123,\"key2\":{\"prop1\":123,\"prop2\":\"xyz\"}},{\"key1\":123,\"key2\":{\"prop1\":\"abc\",\"prop2\":\"xyz\"}}\n"
   "{\"key1\":123},{\"key1\":123,\"key2\":{\"prop1\":\"abc\"}}\n"},
  /* bag_set_key_root */
  {
   "datatable(input: dynamic)\n"
   "[\n"
   "    dynamic({'key1': 1, 'key2': 2}),\n"
   "    dynamic({'key1': 1, 'key3': 'abc'}),\n"
   "]\n"
   "| extend result = bag_set_key(input, 'key3', 3)\n",
   "input:dynamic,result:dynamic\n"
   "{\"key1\":1,\"key2\":2},{\"key1\":1,\"key2\":2,\"key3\":3}\n"
   "{\"key1\":1,\"key3\":\"abc\"},{\"key1\":1,\"key3\":3}\n"},
  /* consume */
  {
   "range x from 1 to 3 step 1 | consume\n",
   ""},
  /* datatable_op */
  {
   "datatable(Date:datetime, Event:string, MoreData:dynamic) [\n"
   "    datetime(1910-06-11), \"Born\", dynamic({\"key1\":\"value1\", \"key2\":\"value2\"}),\n"
   "    datetime(1930-01-01), \"Enters Ecole Navale\", dynamic({\"key1\":\"value3\", \"key2\":\"value4\"}),\n"
   "    datetime(1953-01-01), \"Published first book\", dynamic({\"key1\":\"value5\", \"key2\":\"value6\"}),\n"
   "    datetime(1997-06-25), \"Died\", dynamic({\"key1\":\"value7\", \"key2\":\"value8\"}),\n"
   "]\n"
   "| where strlen(Event) > 4\n"
   "| extend key2 = MoreData.key2\n",
   "Date:datetime,Event:string,MoreData:dynamic,key2:dynamic\n"
   "1930-01-01T00:00:00Z,Enters Ecole Navale,{\"key1\":\"value3\",\"key2\":\"value4\"},\"value4\"\n"
   "1953-01-01T00:00:00Z,Published first book,{\"key1\":\"value5\",\"key2\":\"value6\"},\"value6\"\n"},
  /* extract_json */
  {
   "let json = '{\"name\": \"John\", \"age\": 30, \"city\": \"New York\"}';\n"
   "print extract_json(\"$.name\", json, typeof(string));\n",
   "print_0:string\n"
   "John\n"},
  /* facet_with */
  {
   "datatable(State:string, EventType:string)[\"ALASKA\",\"Heavy Snow\",\"ALASKA\",\"Heavy Rain\",\"ARIZONA\",\"Heavy Snow\"] | facet by State, EventType with (where State == \"ARIZONA\")\n",
   "State:string,EventType:string\n"
   "ARIZONA,Heavy Snow\n"
   "--\n"
   "State:string,count_State:long\n"
   "ALASKA,2\n"
   "ARIZONA,1\n"
   "--\n"
   "EventType:string,count_EventType:long\n"
   "Heavy Rain,1\n"
   "Heavy Snow,2\n"},
  /* fork_two */
  {
   "range x from 1 to 3 step 1 | fork (where x > 1 | count) (take 1)\n",
   "Count:long\n"
   "2\n"
   "--\n"
   "x:long\n"
   "1\n"},
  /* format_ipv4_mask */
  {
   "datatable(address:string, mask:long)\n"
   "[\n"
   " '192.168.1.1', 24,          \n"
   " '192.168.1.1', 32,          \n"
   " '192.168.1.1/24', 32,       \n"
   " '192.168.1.1/24', long(-1), \n"
   "]\n"
   "| extend result = format_ipv4(address, mask), \n"
   "         result_mask = format_ipv4_mask(address, mask)\n",
   "address:string,mask:long,result:string,result_mask:string\n"
   "192.168.1.1,24,192.168.1.0,192.168.1.0/24\n"
   "192.168.1.1,32,192.168.1.1,192.168.1.1/32\n"
   "192.168.1.1/24,32,192.168.1.0,192.168.1.0/24\n"
   "192.168.1.1/24,-1,,\n"},
  /* has_ipv4 */
  {
   "print a=has_ipv4('05:04:54 127.0.0.1 GET /favicon.ico 404', '127.0.0.1'), b=has_ipv4('05:04:54 127.0.0.256 GET /favicon.ico 404', '127.0.0.256'), c=has_ipv4('05:04:54127.0.0.1 GET /favicon.ico 404', '127.0.0.1')\n",
   "a:bool,b:bool,c:bool\n"
   "true,false,false\n"},
  /* ipv4_is_match_prefix */
  {
   "datatable(ip1_string:string, ip2_string:string, prefix:long)\n"
   "[\n"
   " '192.168.1.1',    '192.168.1.0',   31, // 31 bit IP-prefix is used for comparison\n"
   " '192.168.1.1/24', '192.168.1.255', 31, // 24 bit IP-prefix is used for comparison\n"
   " '192.168.1.1',    '192.168.1.255', 24, // 24 bit IP-prefix is used for comparison\n"
   "]\n"
   "| extend result = ipv4_is_match(ip1_string, ip2_string, prefix), cmp = ipv4_compare(ip1_string, ip2_string, prefix)\n",
   "ip1_string:string,ip2_string:string,prefix:long,result:bool,cmp:long\n"
   "192.168.1.1,192.168.1.0,31,true,0\n"
   "192.168.1.1/24,192.168.1.255,31,true,0\n"
   "192.168.1.1,192.168.1.255,24,true,0\n"},
  /* ipv4_is_match_tab */
  {
   "datatable(ip1_string:string, ip2_string:string)\n"
   "[\n"
   " '192.168.1.0',    '192.168.1.0',       // Equal IPs\n"
   " '192.168.1.1/24', '192.168.1.255',     // 24 bit IP-prefix is used for comparison\n"
   " '192.168.1.1',    '192.168.1.255/24',  // 24 bit IP-prefix is used for comparison\n"
   " '192.168.1.1/30', '192.168.1.255/24',  // 24 bit IP-prefix is used for comparison\n"
   "]\n"
   "| extend result = ipv4_is_match(ip1_string, ip2_string), cmp = ipv4_compare(ip1_string, ip2_string)\n",
   "ip1_string:string,ip2_string:string,result:bool,cmp:long\n"
   "192.168.1.0,192.168.1.0,true,0\n"
   "192.168.1.1/24,192.168.1.255,true,0\n"
   "192.168.1.1,192.168.1.255/24,true,0\n"
   "192.168.1.1/30,192.168.1.255/24,true,0\n"},
  /* ipv4_netmask_suffix */
  {
   "datatable(ip_string:string)\n"
   "[\n"
   " '10.1.2.3',\n"
   " '192.168.1.1/24',\n"
   " '127.0.0.1/16',\n"
   "]\n"
   "| extend cidr_suffix = ipv4_netmask_suffix(ip_string)\n",
   "ip_string:string,cidr_suffix:long\n"
   "10.1.2.3,32\n"
   "192.168.1.1/24,24\n"
   "127.0.0.1/16,16\n"},
  /* ipv6_compare_prefix */
  {
   "datatable(ip1_string:string, ip2_string:string, prefix:long)\n"
   "[\n"
   " // IPv4 are compared as IPv6 addresses \n"
   " '192.168.1.1',    '192.168.1.0',   31, // 31 bit IP4-prefix is used for comparison\n"
   " '192.168.1.1/24', '192.168.1.255', 31, // 24 bit IP4-prefix is used for comparison\n"
   " '192.168.1.1',    '192.168.1.255', 24, // 24 bit IP4-prefix is used for comparison\n"
   "   // IPv6 cases\n"
   " 'fe80::85d:e82c:9446:7994', 'fe80::85d:e82c:9446:7995',     127, // 127 bit IP6-prefix is used for comparison\n"
   " 'fe80::85d:e82c:9446:7994/127', 'fe80::85d:e82c:9446:7998', 120, // 120 bit IP6-prefix is used for comparison\n"
   " 'fe80::85d:e82c:9446:7994/120', 'fe80::85d:e82c:9446:7998', 127, // 120 bit IP6-prefix is used for comparison\n"
   " // Mixed case of IPv4 and IPv6\n"
   " '192.168.1.1/24',   '::ffff:c0a8:01ff', 127, // 127 bit IP6-prefix is used for comparison\n"
   " '::ffff:c0a8:0101', '192.168.1.255',    120, // 120 bit IP6-prefix is used for comparison\n"
   " '::192.168.1.1/30', '192.168.1.255/24', 127, // 120 bit IP6-prefix is used for comparison\n"
   "]\n"
   "| extend result = ipv6_compare(ip1_string, ip2_string, prefix)\n",
   "ip1_string:string,ip2_string:string,prefix:long,result:long\n"
   "192.168.1.1,192.168.1.0,31,0\n"
   "192.168.1.1/24,192.168.1.255,31,0\n"
   "192.168.1.1,192.168.1.255,24,0\n"
   "fe80::85d:e82c:9446:7994,fe80::85d:e82c:9446:7995,127,0\n"
   "fe80::85d:e82c:9446:7994/127,fe80::85d:e82c:9446:7998,120,0\n"
   "fe80::85d:e82c:9446:7994/120,fe80::85d:e82c:9446:7998,127,0\n"
   "192.168.1.1/24,::ffff:c0a8:01ff,127,0\n"
   "::ffff:c0a8:0101,192.168.1.255,120,0\n"
   "::192.168.1.1/30,192.168.1.255/24,127,0\n"},
  /* ipv6_compare_tab */
  {
   "datatable(ip1_string:string, ip2_string:string)\n"
   "[\n"
   " // IPv4 are compared as IPv6 addresses\n"
   " '192.168.1.1',    '192.168.1.1',       // Equal IPs\n"
   " '192.168.1.1/24', '192.168.1.255',     // 24 bit IP4-prefix is used for comparison\n"
   " '192.168.1.1',    '192.168.1.255/24',  // 24 bit IP4-prefix is used for comparison\n"
   " '192.168.1.1/30', '192.168.1.255/24',  // 24 bit IP4-prefix is used for comparison\n"
   "  // IPv6 cases\n"
   " 'fe80::85d:e82c:9446:7994', 'fe80::85d:e82c:9446:7994',         // Equal IPs\n"
   " 'fe80::85d:e82c:9446:7994/120', 'fe80::85d:e82c:9446:7998',     // 120 bit IP6-prefix is used for comparison\n"
   " 'fe80::85d:e82c:9446:7994', 'fe80::85d:e82c:9446:7998/120',     // 120 bit IP6-prefix is used for comparison\n"
   " 'fe80::85d:e82c:9446:7994/120', 'fe80::85d:e82c:9446:7998/120', // 120 bit IP6-prefix is used for comparison\n"
   " // Mixed case of IPv4 and IPv6\n"
   " '192.168.1.1',      '::ffff:c0a8:0101', // Equal IPs\n"
   " '192.168.1.1/24',   '::ffff:c0a8:01ff', // 24 bit IP-prefix is used for comparison\n"
   " '::ffff:c0a8:0101', '192.168.1.255/24', // 24 bit IP-prefix is used for comparison\n"
   " '::192.168.1.1/30', '192.168.1.255/24', // 24 bit IP-prefix is used for comparison\n"
   "]\n"
   "| extend result = ipv6_compare(ip1_string, ip2_string), m = ipv6_is_match(ip1_string, ip2_string)\n",
   "ip1_string:string,ip2_string:string,result:long,m:bool\n"
   "192.168.1.1,192.168.1.1,0,true\n"
   "192.168.1.1/24,192.168.1.255,0,true\n"
   "192.168.1.1,192.168.1.255/24,0,true\n"
   "192.168.1.1/30,192.168.1.255/24,0,true\n"
   "fe80::85d:e82c:9446:7994,fe80::85d:e82c:9446:7994,0,true\n"
   "fe80::85d:e82c:9446:7994/120,fe80::85d:e82c:9446:7998,0,true\n"
   "fe80::85d:e82c:9446:7994,fe80::85d:e82c:9446:7998/120,0,true\n"
   "fe80::85d:e82c:9446:7994/120,fe80::85d:e82c:9446:7998/120,0,true\n"
   "192.168.1.1,::ffff:c0a8:0101,0,true\n"
   "192.168.1.1/24,::ffff:c0a8:01ff,0,true\n"
   "::ffff:c0a8:0101,192.168.1.255/24,0,true\n"
   "::192.168.1.1/30,192.168.1.255/24,0,true\n"},
  /* join_default */
  {
   "let X = datatable(Key:string, Value1:long)\n"
   "[\n"
   "    'a',1,\n"
   "    'b',2,\n"
   "    'b',3,\n"
   "    'c',4\n"
   "];\n"
   "let Y = datatable(Key:string, Value2:long)\n"
   "[\n"
   "    'b',10,\n"
   "    'c',20,\n"
   "    'c',30,\n"
   "    'd',40\n"
   "];\n"
   "X | join Y on Key\n",
   "Key:string,Value1:long,Key1:string,Value2:long\n"
   "b,2,b,10\n"
   "c,4,c,20\n"
   "c,4,c,30\n"},
  /* join_fullouter */
  {
   "let X = datatable(Key:string, Value1:long)\n"
   "[\n"
   "    'a',1,\n"
   "    'b',2,\n"
   "    'b',3,\n"
   "    'c',4\n"
   "];\n"
   "let Y = datatable(Key:string, Value2:long)\n"
   "[\n"
   "    'b',10,\n"
   "    'c',20,\n"
   "    'c',30,\n"
   "    'd',40\n"
   "];\n"
   "X | join kind=fullouter Y on Key\n",
   "Key:string,Value1:long,Key1:string,Value2:long\n"
   "a,1,null,null\n"
   "b,2,b,10\n"
   "b,3,b,10\n"
   "c,4,c,20\n"
   "c,4,c,30\n"
   "null,null,d,40\n"},
  /* join_inner */
  {
   "let X = datatable(Key:string, Value1:long)\n"
   "[\n"
   "    'a',1,\n"
   "    'b',2,\n"
   "    'b',3,\n"
   "    'c',4\n"
   "];\n"
   "let Y = datatable(Key:string, Value2:long)\n"
   "[\n"
   "    'b',10,\n"
   "    'c',20,\n"
   "    'c',30,\n"
   "    'd',40\n"
   "];\n"
   "X | join kind=inner Y on Key\n",
   "Key:string,Value1:long,Key1:string,Value2:long\n"
   "b,2,b,10\n"
   "b,3,b,10\n"
   "c,4,c,20\n"
   "c,4,c,30\n"},
  /* join_innerunique_where_left */
  {
   "let t1 = datatable(key: long, value: string)  \n"
   "    [\n"
   "    1, \"val1.1\",  \n"
   "    1, \"val1.2\"  \n"
   "];\n"
   "let t2 = datatable(key: long, value: string)  \n"
   "    [  \n"
   "    1, \"val1.3\", \n"
   "    1, \"val1.4\"  \n"
   "];\n"
   "t1\n"
   "| join kind = innerunique\n"
   "    t2\n"
   "    on key\n"
   "| where value == \"val1.2\"\n",
   "key:long,value:string,key1:long,value1:string\n"
   "1,val1.2,1,val1.3\n"
   "1,val1.2,1,val1.4\n"},
  /* join_leftanti */
  {
   "let X = datatable(Key:string, Value1:long)\n"
   "[\n"
   "    'a',1,\n"
   "    'b',2,\n"
   "    'b',3,\n"
   "    'c',4\n"
   "];\n"
   "let Y = datatable(Key:string, Value2:long)\n"
   "[\n"
   "    'b',10,\n"
   "    'c',20,\n"
   "    'c',30,\n"
   "    'd',40\n"
   "];\n"
   "X | join kind=leftanti Y on Key\n",
   "Key:string,Value1:long\n"
   "a,1\n"},
  /* join_leftouter */
  {
   "let X = datatable(Key:string, Value1:long)\n"
   "[\n"
   "    'a',1,\n"
   "    'b',2,\n"
   "    'b',3,\n"
   "    'c',4\n"
   "];\n"
   "let Y = datatable(Key:string, Value2:long)\n"
   "[\n"
   "    'b',10,\n"
   "    'c',20,\n"
   "    'c',30,\n"
   "    'd',40\n"
   "];\n"
   "X | join kind=leftouter Y on Key\n",
   "Key:string,Value1:long,Key1:string,Value2:long\n"
   "a,1,null,null\n"
   "b,2,b,10\n"
   "b,3,b,10\n"
   "c,4,c,20\n"
   "c,4,c,30\n"},
  /* join_leftsemi */
  {
   "let X = datatable(Key:string, Value1:long)\n"
   "[\n"
   "    'a',1,\n"
   "    'b',2,\n"
   "    'b',3,\n"
   "    'c',4\n"
   "];\n"
   "let Y = datatable(Key:string, Value2:long)\n"
   "[\n"
   "    'b',10,\n"
   "    'c',20,\n"
   "    'c',30,\n"
   "    'd',40\n"
   "];\n"
   "X | join kind=leftsemi Y on Key\n",
   "Key:string,Value1:long\n"
   "b,2\n"
   "b,3\n"
   "c,4\n"},
  /* join_rightanti */
  {
   "let X = datatable(Key:string, Value1:long)\n"
   "[\n"
   "    'a',1,\n"
   "    'b',2,\n"
   "    'b',3,\n"
   "    'c',4\n"
   "];\n"
   "let Y = datatable(Key:string, Value2:long)\n"
   "[\n"
   "    'b',10,\n"
   "    'c',20,\n"
   "    'c',30,\n"
   "    'd',40\n"
   "];\n"
   "X | join kind=rightanti Y on Key\n",
   "Key:string,Value2:long\n"
   "d,40\n"},
  /* join_rightouter */
  {
   "let X = datatable(Key:string, Value1:long)\n"
   "[\n"
   "    'a',1,\n"
   "    'b',2,\n"
   "    'b',3,\n"
   "    'c',4\n"
   "];\n"
   "let Y = datatable(Key:string, Value2:long)\n"
   "[\n"
   "    'b',10,\n"
   "    'c',20,\n"
   "    'c',30,\n"
   "    'd',40\n"
   "];\n"
   "X | join kind=rightouter Y on Key\n",
   "Key:string,Value1:long,Key1:string,Value2:long\n"
   "b,2,b,10\n"
   "b,3,b,10\n"
   "c,4,c,20\n"
   "c,4,c,30\n"
   "null,null,d,40\n"},
  /* join_rightsemi */
  {
   "let X = datatable(Key:string, Value1:long)\n"
   "[\n"
   "    'a',1,\n"
   "    'b',2,\n"
   "    'b',3,\n"
   "    'c',4\n"
   "];\n"
   "let Y = datatable(Key:string, Value2:long)\n"
   "[\n"
   "    'b',10,\n"
   "    'c',20,\n"
   "    'c',30,\n"
   "    'd',40\n"
   "];\n"
   "X | join kind=rightsemi Y on Key\n",
   "Key:string,Value2:long\n"
   "b,10\n"
   "c,20\n"
   "c,30\n"},
  /* make_series_avg */
  {
   "let data=datatable(timestamp:datetime, metric: real)\n"
   "[\n"
   "  datetime(2016-12-31T06:00), 50,\n"
   "  datetime(2017-01-01), 4,\n"
   "  datetime(2017-01-02), 3,\n"
   "  datetime(2017-01-03), 4,\n"
   "  datetime(2017-01-03T03:00), 6,\n"
   "  datetime(2017-01-05), 8,\n"
   "  datetime(2017-01-05T13:40), 13,\n"
   "  datetime(2017-01-06), 4,\n"
   "  datetime(2017-01-07), 3,\n"
   "  datetime(2017-01-08), 8,\n"
   "  datetime(2017-01-08T21:00), 8,\n"
   "  datetime(2017-01-09), 2,\n"
   "  datetime(2017-01-09T12:00), 11,\n"
   "  datetime(2017-01-10T05:00), 5,\n"
   "];\n"
   "let interval = 1d;\n"
   "let stime = datetime(2017-01-01);\n"
   "let etime = datetime(2017-01-10);\n"
   "data\n"
   "| make-series avg(metric) on timestamp from stime to etime step interval \n",
   "avg_metric:dynamic,timestamp:dynamic\n"
   "[4.0,3.0,5.0,0.0,10.5,4.0,3.0,8.0,6.5],[\"2017-01-01T00:00:00.0000000Z\",\"2017-01-02T00:00:00.0000000Z\",\"2017-01-03T00:00:00.0000000Z\",\"2017-01-04T00:00:00.0000000Z\",\"2017-01-05T00:00:00.0000000Z\",\"2017-01-06T00:00:00.0000000Z\",\"2017-01-07T00:00:00.0000000Z\",\"2017-01-08T00:00:00.0000000Z\",\"2017-01-09T00:00:00.0000000Z\"]\n"},
  /* make_series_empty */
  {
   "let data=datatable(timestamp:datetime, metric: real)\n"
   "[\n"
   "  datetime(2016-12-31T06:00), 50,\n"
   "  datetime(2017-01-01), 4,\n"
   "  datetime(2017-01-02), 3,\n"
   "  datetime(2017-01-03), 4,\n"
   "  datetime(2017-01-03T03:00), 6,\n"
   "  datetime(2017-01-05), 8,\n"
   "  datetime(2017-01-05T13:40), 13,\n"
   "  datetime(2017-01-06), 4,\n"
   "  datetime(2017-01-07), 3,\n"
   "  datetime(2017-01-08), 8,\n"
   "  datetime(2017-01-08T21:00), 8,\n"
   "  datetime(2017-01-09), 2,\n"
   "  datetime(2017-01-09T12:00), 11,\n"
   "  datetime(2017-01-10T05:00), 5,\n"
   "];\n"
   "let interval = 1d;\n"
   "let stime = datetime(2017-01-01);\n"
   "let etime = datetime(2017-01-10);\n"
   "data\n"
   "| take 0\n"
   "| make-series avg(metric) default=1.0 on timestamp from stime to etime step interval \n"
   "| count \n",
   "Count:long\n"
   "0\n"},
  /* make_series_nonempty */
  {
   "let data=datatable(timestamp:datetime, metric: real)\n"
   "[\n"
   "  datetime(2016-12-31T06:00), 50,\n"
   "  datetime(2017-01-01), 4,\n"
   "  datetime(2017-01-02), 3,\n"
   "  datetime(2017-01-03), 4,\n"
   "  datetime(2017-01-03T03:00), 6,\n"
   "  datetime(2017-01-05), 8,\n"
   "  datetime(2017-01-05T13:40), 13,\n"
   "  datetime(2017-01-06), 4,\n"
   "  datetime(2017-01-07), 3,\n"
   "  datetime(2017-01-08), 8,\n"
   "  datetime(2017-01-08T21:00), 8,\n"
   "  datetime(2017-01-09), 2,\n"
   "  datetime(2017-01-09T12:00), 11,\n"
   "  datetime(2017-01-10T05:00), 5,\n"
   "];\n"
   "let interval = 1d;\n"
   "let stime = datetime(2017-01-01);\n"
   "let etime = datetime(2017-01-10);\n"
   "data\n"
   "| take 0\n"
   "| make-series kind=nonempty avg(metric) default=1.0 on timestamp from stime to etime step interval \n",
   "avg_metric:dynamic,timestamp:dynamic\n"
   "[1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0,1.0],[\"2017-01-01T00:00:00.0000000Z\",\"2017-01-02T00:00:00.0000000Z\",\"2017-01-03T00:00:00.0000000Z\",\"2017-01-04T00:00:00.0000000Z\",\"2017-01-05T00:00:00.0000000Z\",\"2017-01-06T00:00:00.0000000Z\",\"2017-01-07T00:00:00.0000000Z\",\"2017-01-08T00:00:00.0000000Z\",\"2017-01-09T00:00:00.0000000Z\"]\n"},
  /* mvapply_bag */
  {
   "datatable(Source: string, Target: string, Count: long)\n"
   "[\n"
   "    '555-1234', '555-1212', 46,\n"
   "    '555-2424', '', int(null)\n"
   "]\n"
   "| extend Pack = pack_all()\n"
   "| mv-apply removeProperties = Pack on \n"
   "    (\n"
   "    mv-expand kind = array Pack\n"
   "    | where Pack[1] !startswith \"555\"\n"
   "    | summarize propsToRemove = make_set(Pack[0])\n"
   "    )\n"
   "| extend values = bag_remove_keys(Pack, propsToRemove)\n"
   "| project-away propsToRemove\n",
   "Source:string,Target:string,Count:long,Pack:dynamic,values:dynamic\n"
   "555-1234,555-1212,46,{\"Source\":\"555-1234\",\"Target\":\"555-1212\",\"Count\":46},{\"Source\":\"555-1234\",\"Target\":\"555-1212\"}\n"
   "555-2424,,null,{\"Source\":\"555-2424\",\"Target\":\"\",\"Count\":null},{\"Source\":\"555-2424\"}\n"},
  /* mvapply_itemindex */
  {
   "let data = datatable (row: int, Arr: dynamic)\n"
   "[\n"
   "    0, dynamic([5, 1, 3]),\n"
   "    1, dynamic([4, 10, 8, 7])\n"
   "];\n"
   "data\n"
   "| mv-apply with_itemindex=index value=Arr to typeof(long) on \n"
   "  (\n"
   "    // here you have 'index' column\n"
   "    where index >= 2\n"
   "  )\n",
   "row:int,Arr:dynamic,value:long,index:long\n"
   "0,[5,1,3],3,2\n"
   "1,[4,10,8,7],8,2\n"
   "1,[4,10,8,7],7,3\n"},
  /* mvapply_take */
  {
   "let data = datatable (index: int, Arr: dynamic)\n"
   "[\n"
   "    0, dynamic([7]),\n"
   "    1, dynamic([6, 11, 7])\n"
   "];\n"
   "data\n"
   "| mv-apply Arr2=Arr to typeof(long) on \n"
   "    (\n"
   "       take 100\n"
   "    )\n",
   "index:int,Arr:dynamic,Arr2:long\n"
   "0,[7],7\n"
   "1,[6,11,7],6\n"
   "1,[6,11,7],11\n"
   "1,[6,11,7],7\n"},
  /* mvexpand_kind_array */
  {
   "datatable (a: int, b: dynamic)\n"
   "[\n"
   "    1, dynamic({\"prop1\": \"a1\", \"prop2\": \"b1\"}),\n"
   "    2, dynamic({\"prop1\": \"a2\", \"prop2\": \"b2\"})\n"
   "]\n"
   "| mv-expand kind=array b \n"
   "| extend key = b[0], val=b[1]\n",
   "a:int,b:dynamic,key:dynamic,val:dynamic\n"
   "1,[\"prop1\",\"a1\"],\"prop1\",\"a1\"\n"
   "1,[\"prop2\",\"b1\"],\"prop2\",\"b1\"\n"
   "2,[\"prop1\",\"a2\"],\"prop1\",\"a2\"\n"
   "2,[\"prop2\",\"b2\"],\"prop2\",\"b2\"\n"},
  /* pack_all */
  {
   "datatable(SourceNumber:string,TargetNumber:string,CharsCount:long)\n"
   "[\n"
   "'555-555-1234','555-555-1212',46,\n"
   "'555-555-1234','555-555-1213',50,\n"
   "'555-555-1313','',42, \n"
   "'','555-555-3456',74 \n"
   "]\n"
   "| extend Packed=pack_all(), PackedIgnoreNullEmpty=pack_all(true)\n",
   "SourceNumber:string,TargetNumber:string,CharsCount:long,Packed:dynamic,PackedIgnoreNullEmpty:dynamic\n"
   "555-555-1234,555-555-1212,46,{\"SourceNumber\":\"555-555-1234\",\"TargetNumber\":\"555-555-1212\",\"CharsCount\":46},{\"SourceNumber\":\"555-555-1234\",\"TargetNumber\":\"555-555-1212\",\"CharsCount\":46}\n"
   "555-555-1234,555-555-1213,50,{\"SourceNumber\":\"555-555-1234\",\"TargetNumber\":\"555-555-1213\",\"CharsCount\":50},{\"SourceNumber\":\"555-555-1234\",\"TargetNumber\":\"555-555-1213\",\"CharsCount\":50}\n"
   "555-555-1313,,42,{\"SourceNumber\":\"555-555-1313\",\"TargetNumber\":\"\",\"CharsCount\":42},{\"SourceNumber\":\"555-555-1313\",\"CharsCount\":42}\n"
   ",555-555-3456,74,{\"SourceNumber\":\"\",\"TargetNumber\":\"555-555-3456\",\"CharsCount\":74},{\"TargetNumber\":\"555-555-3456\",\"CharsCount\":74}\n"},
  /* pack_array_mixed */
  {
   "range x from 1 to 3 step 1\n"
   "| extend y = tostring(x * 2)\n"
   "| extend z = (x * 2) * 1s\n"
   "| project pack_array(x, y, z)\n",
   "Column1:dynamic\n"
   "[1,\"2\",\"00:00:02\"]\n"
   "[2,\"4\",\"00:00:04\"]\n"
   "[3,\"6\",\"00:00:06\"]\n"},
  /* parse_ipv6_v4 */
  {
   "datatable(ipv4: string)\n"
   "[\n"
   "    '192.168.255.255', '192.168.255.255/24', '255.255.255.255'\n"
   "]\n"
   "| extend ipv6 = parse_ipv6(ipv4)\n",
   "ipv4:string,ipv6:string\n"
   "192.168.255.255,0000:0000:0000:0000:0000:ffff:c0a8:ffff\n"
   "192.168.255.255/24,0000:0000:0000:0000:0000:ffff:c0a8:ff00\n"
   "255.255.255.255,0000:0000:0000:0000:0000:ffff:ffff:ffff\n"},
  /* parse_json_metrics */
  {
   "datatable(context_custom_metrics:string)\n"
   "[\n"
   "    '{\"duration\":{\"value\":118.0,\"count\":5.0,\"min\":100.0,\"max\":150.0,\"stdDev\":0.0,\"sampledValue\":118.0,\"sum\":118.0}}'\n"
   "]\n"
   "| extend d = parse_json(context_custom_metrics)\n"
   "| extend duration_value = d.duration.value, duration_min = d.duration.min\n",
   "context_custom_metrics:string,d:dynamic,duration_value:dynamic,duration_min:dynamic\n"
   "{\"duration\":{\"value\":118.0,\"count\":5.0,\"min\":100.0,\"max\":150.0,\"stdDev\":0.0,\"sampledValue\":118.0,\"sum\":118.0}},{\"duration\":{\"value\":118.0,\"count\":5.0,\"min\":100.0,\"max\":150.0,\"stdDev\":0.0,\"sampledValue\":118.0,\"sum\":118.0}},118.0,100.0\n"},
  /* parse_json_nested */
  {
   "let d='{\"a\":123, \"b\":\"{\\\\\"c\\\\\":456}\"}';\n"
   "print d_b_c=parse_json(tostring(parse_json(d).b)).c\n",
   "d_b_c:dynamic\n"
   "456\n"},
  /* parse_json_nested_print */
  {
   "let d='{\"a\":123, \"b\":\"{\\\\\"c\\\\\":456}\"}';\n"
   "print d\n",
   "print_0:string\n"
   "{\"a\":123, \"b\":\"{\\\"c\\\":456}\"}\n"},
  /* parse_regex */
  {
   "let Traces = datatable(EventText: string)\n"
   "    [\n"
   "    \"Event: NotifySliceRelease (resourceName=PipelineScheduler, totalSlices=27, sliceNumber=23, lockTime=02/17/2016 08:40:01, releaseTime=02/17/2016 08:40:01, previousLockTime=02/17/2016 08:39:01)\",\n"
   "    \"Event: NotifySliceRelease (resourceName=PipelineScheduler, totalSlices=27, sliceNumber=15, lockTime=02/17/2016 08:40:00, releaseTime=02/17/2016 08:40:00, previousLockTime=02/17/2016 08:39:00)\",\n"
   "    \"Event: NotifySliceRelease (resourceName=PipelineScheduler, totalSlices=27, sliceNumber=20, lockTime=02/17/2016 08:40:01, releaseTime=02/17/2016 08:40:01, previousLockTime=02/17/2016 08:39:01)\",\n"
   "    \"Event: NotifySliceRelease (resourceName=PipelineScheduler, totalSlices=27, sliceNumber=22, lockTime=02/17/2016 08:41:01, releaseTime=02/17/2016 08:41:00, previousLockTime=02/17/2016 08:40:01)\",\n"
   "    \"Event: NotifySliceRelease (resourceName=PipelineScheduler, totalSlices=27, sliceNumber=16, lockTime=02/17/2016 08:41:00, releaseTime=02/17/2016 08:41:00, previousLockTime=02/17/2016 08:40:00)\"\n"
   "];\n"
   "Traces\n"
   "| parse kind=regex EventText with \"(.*?)[a-zA-Z]*=\" resourceName @\", totalSlices=\\s*\\d+\\s*.*?sliceNumber=\" sliceNumber: long  \".*?(previous)?lockTime=\" lockTime \".*?releaseTime=\" releaseTime \".*?previousLockTime=\" previousLockTime: date \"\\\\)\"  \n"
   "| project resourceName, sliceNumber, lockTime, releaseTime, previousLockTime\n",
   "resourceName:string,sliceNumber:long,lockTime:string,releaseTime:string,previousLockTime:datetime\n"
   "PipelineScheduler,23,02/17/2016 08:40:01, ,02/17/2016 08:40:01, ,2016-02-17T08:39:01Z\n"
   "PipelineScheduler,15,02/17/2016 08:40:00, ,02/17/2016 08:40:00, ,2016-02-17T08:39:00Z\n"
   "PipelineScheduler,20,02/17/2016 08:40:01, ,02/17/2016 08:40:01, ,2016-02-17T08:39:01Z\n"
   "PipelineScheduler,22,02/17/2016 08:41:01, ,02/17/2016 08:41:00, ,2016-02-17T08:40:01Z\n"
   "PipelineScheduler,16,02/17/2016 08:41:00, ,02/17/2016 08:41:00, ,2016-02-17T08:40:00Z\n"},
  /* parse_regex_s */
  {
   "let Traces=datatable(EventText: string)\n"
   "    [\n"
   "    \"Event: NotifySliceRelease (resourceName=PipelineScheduler\\ntotalSlices=27\\nsliceNumber=23\\nlockTime=02/17/2016 08:40:01\\nreleaseTime=02/17/2016 08:40:01\\npreviousLockTime=02/17/2016 08:39:01)\",\n"
   "    \"Event: NotifySliceRelease (resourceName=PipelineScheduler\\ntotalSlices=27\\nsliceNumber=15\\nlockTime=02/17/2016 08:40:00\\nreleaseTime=02/17/2016 08:40:00\\npreviousLockTime=02/17/2016 08:39:00)\",\n"
   "    \"Event: NotifySliceRelease (resourceName=PipelineScheduler\\ntotalSlices=27\\nsliceNumber=20\\nlockTime=02/17/2016 08:40:01\\nreleaseTime=02/17/2016 08:40:01\\npreviousLockTime=02/17/2016 08:39:01)\",\n"
   "    \"Event: NotifySliceRelease (resourceName=PipelineScheduler\\ntotalSlices=27\\nsliceNumber=22\\nlockTime=02/17/2016 08:41:01\\nreleaseTime=02/17/2016 08:41:00\\npreviousLockTime=02/17/2016 08:40:01)\",\n"
   "    \"Event: NotifySliceRelease (resourceName=PipelineScheduler\\ntotalSlices=27\\nsliceNumber=16\\nlockTime=02/17/2016 08:41:00\\nreleaseTime=02/17/2016 08:41:00\\npreviousLockTime=02/17/2016 08:40:00)\"\n"
   "];\n"
   "Traces\n"
   "| parse kind=regex flags=s EventText with * \"resourceName=\" resourceName: string \"(.*?)totalSlices=\" totalSlices: long \"(.*?)lockTime=\" lockTime: datetime \"(.*?)releaseTime=\" releaseTime: datetime \"(.*?)previousLockTime=\" previousLockTime: datetime \"\\\\)\" \n"
   "| project-away EventText\n",
   "resourceName:string,totalSlices:long,lockTime:datetime,releaseTime:datetime,previousLockTime:datetime\n"
   "PipelineScheduler\n"
   ",27,2016-02-17T08:40:01Z,2016-02-17T08:40:01Z,2016-02-17T08:39:01Z\n"
   "PipelineScheduler\n"
   ",27,2016-02-17T08:40:00Z,2016-02-17T08:40:00Z,2016-02-17T08:39:00Z\n"
   "PipelineScheduler\n"
   ",27,2016-02-17T08:40:01Z,2016-02-17T08:40:01Z,2016-02-17T08:39:01Z\n"
   "PipelineScheduler\n"
   ",27,2016-02-17T08:41:01Z,2016-02-17T08:41:00Z,2016-02-17T08:40:01Z\n"
   "PipelineScheduler\n"
   ",27,2016-02-17T08:41:00Z,2016-02-17T08:41:00Z,2016-02-17T08:40:00Z\n"},
  /* parse_regex_ui */
  {
   "let Traces = datatable(EventText: string)\n"
   "    [\n"
   "    \"Event: NotifySliceRelease (resourceName=PipelineScheduler, totalSlices=27, sliceNumber=23, lockTime=02/17/2016 08:40:01, releaseTime=02/17/2016 08:40:01, previousLockTime=02/17/2016 08:39:01)\",\n"
   "    \"Event: NotifySliceRelease (resourceName=PipelineScheduler, totalSlices=27, sliceNumber=15, lockTime=02/17/2016 08:40:00, releaseTime=02/17/2016 08:40:00, previousLockTime=02/17/2016 08:39:00)\",\n"
   "    \"Event: NotifySliceRelease (resourceName=PipelineScheduler, totalSlices=27, sliceNumber=20, lockTime=02/17/2016 08:40:01, releaseTime=02/17/2016 08:40:01, previousLockTime=02/17/2016 08:39:01)\",\n"
   "    \"Event: NotifySliceRelease (resourceName=PipelineScheduler, totalSlices=27, sliceNumber=22, lockTime=02/17/2016 08:41:01, releaseTime=02/17/2016 08:41:00, previousLockTime=02/17/2016 08:40:01)\",\n"
   "    \"Event: NotifySliceRelease (resourceName=PipelineScheduler, totalSlices=27, sliceNumber=16, lockTime=02/17/2016 08:41:00, releaseTime=02/17/2016 08:41:00, previousLockTime=02/17/2016 08:40:00)\"\n"
   "];\n"
   "Traces\n"
   "| parse kind=regex flags=Ui EventText with * \"RESOURCENAME=\" resourceName ',' *\n"
   "| project resourceName\n",
   "resourceName:string\n"
   "PipelineScheduler\n"
   "PipelineScheduler\n"
   "PipelineScheduler\n"
   "PipelineScheduler\n"
   "PipelineScheduler\n"},
  /* parse_relaxed */
  {
   "let Traces=datatable(EventText: string)\n"
   "    [\n"
   "    \"Event: NotifySliceRelease (resourceName=PipelineScheduler, totalSlices=27, sliceNumber=23, lockTime=02/17/2016 08:40:01, releaseTime=nonValidDateTime 08:40:01, previousLockTime=02/17/2016 08:39:01)\",\n"
   "    \"Event: NotifySliceRelease (resourceName=PipelineScheduler, totalSlices=27, sliceNumber=15, lockTime=02/17/2016 08:40:00, releaseTime=nonValidDateTime, previousLockTime=02/17/2016 08:39:00)\",\n"
   "    \"Event: NotifySliceRelease (resourceName=PipelineScheduler, totalSlices=nonValidLongValue, sliceNumber=20, lockTime=02/17/2016 08:40:01, releaseTime=nonValidDateTime 08:40:01, previousLockTime=02/17/2016 08:39:01)\",\n"
   "    \"Event: NotifySliceRelease (resourceName=PipelineScheduler, totalSlices=27, sliceNumber=22, lockTime=02/17/2016 08:41:01, releaseTime=02/17/2016 08:41:00, previousLockTime=02/17/2016 08:40:01)\",\n"
   "    \"Event: NotifySliceRelease (resourceName=PipelineScheduler, totalSlices=nonValidLongValue, sliceNumber=16, lockTime=02/17/2016 08:41:00, releaseTime=02/17/2016 08:41:00, previousLockTime=02/17/2016 08:40:00)\"\n"
   "];\n"
   "Traces\n"
   "| parse kind=relaxed EventText with * \"resourceName=\" resourceName \", totalSlices=\" totalSlices: long \", sliceNumber=\" sliceNumber: long * \"lockTime=\" lockTime \", releaseTime=\" releaseTime: date \",\" * \"previousLockTime=\" previousLockTime: date \")\" *\n"
   "| project-away EventText\n",
   "resourceName:string,totalSlices:long,sliceNumber:long,lockTime:string,releaseTime:datetime,previousLockTime:datetime\n"
   "PipelineScheduler,27,23,02/17/2016 08:40:01,null,2016-02-17T08:39:01Z\n"
   "PipelineScheduler,27,15,02/17/2016 08:40:00,null,2016-02-17T08:39:00Z\n"
   "PipelineScheduler,null,20,02/17/2016 08:40:01,null,2016-02-17T08:39:01Z\n"
   "PipelineScheduler,27,22,02/17/2016 08:41:01,2016-02-17T08:41:00Z,2016-02-17T08:40:01Z\n"
   "PipelineScheduler,null,16,02/17/2016 08:41:00,2016-02-17T08:41:00Z,2016-02-17T08:40:00Z\n"},
  /* parse_simple */
  {
   "let Traces = datatable(EventText: string)\n"
   "    [\n"
   "    \"Event: NotifySliceRelease (resourceName=PipelineScheduler, totalSlices=27, sliceNumber=23, lockTime=02/17/2016 08:40:01, releaseTime=02/17/2016 08:40:01, previousLockTime=02/17/2016 08:39:01)\",\n"
   "    \"Event: NotifySliceRelease (resourceName=PipelineScheduler, totalSlices=27, sliceNumber=15, lockTime=02/17/2016 08:40:00, releaseTime=02/17/2016 08:40:00, previousLockTime=02/17/2016 08:39:00)\",\n"
   "    \"Event: NotifySliceRelease (resourceName=PipelineScheduler, totalSlices=27, sliceNumber=20, lockTime=02/17/2016 08:40:01, releaseTime=02/17/2016 08:40:01, previousLockTime=02/17/2016 08:39:01)\",\n"
   "    \"Event: NotifySliceRelease (resourceName=PipelineScheduler, totalSlices=27, sliceNumber=22, lockTime=02/17/2016 08:41:01, releaseTime=02/17/2016 08:41:00, previousLockTime=02/17/2016 08:40:01)\",\n"
   "    \"Event: NotifySliceRelease (resourceName=PipelineScheduler, totalSlices=27, sliceNumber=16, lockTime=02/17/2016 08:41:00, releaseTime=02/17/2016 08:41:00, previousLockTime=02/17/2016 08:40:00)\"\n"
   "];\n"
   "Traces\n"
   "| parse EventText with * \"resourceName=\" resourceName \", totalSlices=\" totalSlices: long * \"sliceNumber=\" sliceNumber: long * \"lockTime=\" lockTime \", releaseTime=\" releaseTime: date \",\" * \"previousLockTime=\" previousLockTime: date \")\" *  \n"
   "| project resourceName, totalSlices, sliceNumber, lockTime, releaseTime, previousLockTime\n",
   "resourceName:string,totalSlices:long,sliceNumber:long,lockTime:string,releaseTime:datetime,previousLockTime:datetime\n"
   "PipelineScheduler,27,23,02/17/2016 08:40:01,2016-02-17T08:40:01Z,2016-02-17T08:39:01Z\n"
   "PipelineScheduler,27,15,02/17/2016 08:40:00,2016-02-17T08:40:00Z,2016-02-17T08:39:00Z\n"
   "PipelineScheduler,27,20,02/17/2016 08:40:01,2016-02-17T08:40:01Z,2016-02-17T08:39:01Z\n"
   "PipelineScheduler,27,22,02/17/2016 08:41:01,2016-02-17T08:41:00Z,2016-02-17T08:40:01Z\n"
   "PipelineScheduler,27,16,02/17/2016 08:41:00,2016-02-17T08:41:00Z,2016-02-17T08:40:00Z\n"},
  /* parsekv_delims */
  {
   "print str=\"ThreadId:458745723, Machine:Node001, Text: The service is up, Level: Info\"\n"
   "| parse-kv str as (Text: string, ThreadId:long, Machine: string) with (pair_delimiter=',', kv_delimiter=':')\n"
   "| project-away str\n",
   "Text:string,ThreadId:long,Machine:string\n"
   "The service is up,458745723,Node001\n"},
  /* parsekv_escape */
  {
   "print str='src=10.1.1.123 dst=10.1.1.124 bytes=125 failure=\"the remote host sent \\\\\"bye!\\\\\"\" time=2021-01-01T10:00:54'\n"
   "| parse-kv str as (['time']:datetime, src:string, dst:string, bytes:long, failure:string) with (pair_delimiter=' ', kv_delimiter='=', quote='\"', escape='\\\\')\n"
   "| project-away str\n",
   "time:datetime,src:string,dst:string,bytes:long,failure:string\n"
   "2021-01-01T10:00:54Z,10.1.1.123,10.1.1.124,125,the remote host sent \"bye!\"\n"},
  /* parsekv_nodelim */
  {
   "print str=\"2021-01-01T10:00:34 [INFO] ThreadId:458745723, Machine:Node001, Text: Started\"\n"
   "| parse-kv str as (Text: string, ThreadId:long, Machine: string)\n"
   "| project-away str\n",
   "Text:string,ThreadId:long,Machine:string\n"
   "Started,458745723,Node001\n"},
  /* parsekv_nodelim_quote */
  {
   "print str=\"2021-01-01T10:00:34 [INFO] ThreadId:458745723, Machine:Node001, Text: 'The service \\\\' is up'\"\n"
   "| parse-kv str as (Text: string, ThreadId:long, Machine: string) with (quote=\"'\", escape='\\\\')\n"
   "| project-away str\n",
   "Text:string,ThreadId:long,Machine:string\n"
   "The service ' is up,458745723,Node001\n"},
  /* parsekv_quote */
  {
   "print str='src=10.1.1.123 dst=10.1.1.124 bytes=125 failure=\"connection aborted\" \"event time\"=2021-01-01T10:00:54'\n"
   "| parse-kv str as (['event time']:datetime, src:string, dst:string, bytes:long, failure:string) with (pair_delimiter=' ', kv_delimiter='=', quote='\"')\n"
   "| project-away str\n",
   "event time:datetime,src:string,dst:string,bytes:long,failure:string\n"
   "2021-01-01T10:00:54Z,10.1.1.123,10.1.1.124,125,connection aborted\n"},
  /* parsekv_regex */
  {
   "print str=@'[\"referer url: https://hostname.com/redirect?dest=/?h=1234\", \"request url: https://hostname.com/?h=1234\", \"advertiser id: 24fefbca-cf27-4d62-a623-249c2ad30c73\"]'\n"
   "| parse-kv str as (['referer url']:string, ['request url']:string, ['advertiser id']: guid) with (regex=@'\"([\\w ]+)\\s*:\\s*([^\"]*)\"')\n"
   "| project-away str\n",
   "referer url:string,request url:string,advertiser id:guid\n"
   "https://hostname.com/redirect?dest=/?h=1234,https://hostname.com/?h=1234,24fefbca-cf27-4d62-a623-249c2ad30c73\n"},
  /* project_reorder_asc */
  {
   "print b = 'b', a2='a2', a3='a3', a1='a1'\n"
   "|  project-reorder a* asc\n",
   "a1:string,a2:string,a3:string,b:string\n"
   "a1,a2,a3,b\n"},
  /* set_union */
  {
   "range x from 1 to 3 step 1\n"
   "| extend y = x * 2\n"
   "| extend z = y * 2\n"
   "| extend w = z * 2\n"
   "| extend a1 = pack_array(x,y,x,z), a2 = pack_array(x, y), a3 = pack_array(w)\n"
   "| project a1,a2,a3,Out=set_union(a1, a2, a3)\n",
   "a1:dynamic,a2:dynamic,a3:dynamic,Out:dynamic\n"
   "[1,2,1,4],[1,2],[8],[1,2,4,8]\n"
   "[2,4,2,8],[2,4],[16],[2,4,8,16]\n"
   "[3,6,3,12],[3,6],[24],[3,6,12,24]\n"},
  /* treepath */
  {
   "print a=treepath(parse_json('{\"a\":\"b\", \"c\":123}')), b=treepath(parse_json('{\"prop1\":[1,2,3,4], \"prop2\":\"value2\"}')), c=treepath(parse_json('{\"listProperty\":[100,200,300,\"abcde\",{\"x\":\"y\"}]}'))\n",
   "a:dynamic,b:dynamic,c:dynamic\n"
   "[\"['a']\",\"['c']\"],[\"['prop1']\",\"['prop1'][0]\",\"['prop2']\"],[\"['listProperty']\",\"['listProperty'][0]\",\"['listProperty'][0]['x']\"]\n"},
  /* union_fuzzy */
  {
   "let View_1 = view () { print x=1 };\n"
   "let View_2 = view () { print x=1 };\n"
   "let OtherView_1 = view () { print x=1 };\n"
   "union isfuzzy=true\n"
   "(View_1 | where x > 0), \n"
   "(View_2 | where x > 0),\n"
   "(View_3 | where x > 0)\n"
   "| count \n",
   "Count:long\n"
   "2\n"
   "warning KQL101 @182+6: Failed to resolve entity 'View_3'\n"},
  /* union_fuzzy_wild */
  {
   "let View_1 = view () { print x=1 };\n"
   "let View_2 = view () { print x=1 };\n"
   "let OtherView_1 = view () { print x=1 };\n"
   "union isfuzzy=true View*, SomeView*, OtherView*\n"
   "| count \n",
   "Count:long\n"
   "3\n"
   "warning KQL101 @139+9: Failed to resolve entity 'SomeView*'\n"},
  /* union_types1 */
  {
   "let View_1 = view () { print x=1 };\n"
   "let View_2 = view () { print x=toint(2) };\n"
   "union withsource=TableName View_1, View_2\n",
   "TableName:string,x_long:long,x_int:int\n"
   "View_1,1,null\n"
   "View_2,null,2\n"},
  /* union_types2 */
  {
   "let View_1 = view () { print x=1 };\n"
   "let View_2 = view () { print x=toint(2) };\n"
   "let View_3 = view () { print x_long=3 };\n"
   "union withsource=TableName View_1, View_2, View_3 \n",
   "TableName:string,x_long1:long,x_int:int,x_long:long\n"
   "View_1,1,null,null\n"
   "View_2,null,2,null\n"
   "View_3,null,null,3\n"},
  /* zip_lists */
  {
   "datatable(a:int, b:string) [1,\"one\",2,\"two\",3,\"three\"]\n"
   "| summarize a = make_list(a), b = make_list(b)\n"
   "| project zip(a, b)\n",
   "Column1:dynamic\n"
   "[[1,\"one\"],[2,\"two\"],[3,\"three\"]]\n"},
  /* zip_mixed */
  {
   "print zip(dynamic([\"A\", 1, 1.5]), dynamic([{}, \"B\"]))\n",
   "print_0:dynamic\n"
   "[[\"A\",{}],[1,\"B\"],[1.5,null]]\n"},
};

ParameterizedTestParameters(docs_dynamic_ops, examples){
  static size_t aIdx[sizeof(aDocs)/sizeof(aDocs[0])];
  for(size_t i=0; i<sizeof(aIdx)/sizeof(aIdx[0]); i++) aIdx[i] = i;
  return cr_make_param_array(size_t, aIdx, sizeof(aIdx)/sizeof(aIdx[0]));
}

ParameterizedTest(size_t *pi, docs_dynamic_ops, examples){
  const DocCase *c = &aDocs[*pi];
  int rc;
  char *z = kqltestRun(c->zQuery, 0, &rc);
  cr_expect_str_eq(z, c->zExpect, "case %zu: %s\nexpected:\n%s\ngot:\n%s", *pi, c->zQuery, c->zExpect, z);
  free(z);
}

/* Typed literals inside dynamic(...): Kusto keeps datetimes in their dynamic
** form (7 fraction digits, "Z"), timespans as "hh:mm:ss"; datetime("...")
** takes a quoted string there too (array_iff page, example 3). */
static const KqlTestCase aDynLit[] = {
  {"print a=dynamic([datetime(2022-01-01), 1h]), b=dynamic({\"t\": datetime(2022-01-01 10:00:00.5)})",
   "a:dynamic,b:dynamic\n[\"2022-01-01T00:00:00.0000000Z\",\"01:00:00\"],{\"t\":\"2022-01-01T10:00:00.5000000Z\"}\n"},
  {"print condition=dynamic([\"some string value\", datetime(\"01-01-2022\"), null]), if_true=1, if_false=0\n"
   "| extend res= array_iff(condition, if_true, if_false)",
   "condition:dynamic,if_true:long,if_false:long,res:dynamic\n"
   "[\"some string value\",\"2022-01-01T00:00:00.0000000Z\",null],1,0,[null,null,null]\n"},
};
Test(docs_dynamic_ops, dynamic_literal_types){ kqltestRunCases(aDynLit, sizeof(aDynLit)/sizeof(aDynLit[0]), 0); }
