#!/bin/sh
# Drives jixiao under tmux at 80x24 and captures the guide's screens into /tmp/shots.
set -e
B=${JIXIAO:-.build/debug/jixiao}
S=/tmp/guidestore3
rm -rf $S /tmp/shots; mkdir -p $S /tmp/shots
T="tmux -L guide3"
$T kill-server 2>/dev/null || true
k(){ $T send-keys -t m "$@"; sleep 0.05; }
t(){ $T send-keys -t m -l "$1"; sleep 0.05; }
cap(){ sleep 0.5; $T capture-pane -p -t m | sed 's/[[:space:]]*$//' > /tmp/shots/$1; }
$T -f /dev/null new-session -d -x 80 -y 24 -s m "env LANG=C.UTF-8 TERM=tmux-256color $B --store $S"
cap 01-empty.txt
k n; t 441001; k Enter; t "西山街道办事处"; k Enter; t 2024; cap 02-newdept.txt
k Enter Enter Enter; cap 03-department.txt
k BTab; k Insert; t "社区服务经费"; cap 04-newproject.txt
k Enter; sleep 0.2; k Enter; cap 05-template.txt
k F6; t P2024001; k Enter Down; t 50; k Enter; t 45; k Enter; t 5; k Enter
t "为辖区居民提供便民服务，开展社区文体活动"; k Enter Down
for v in 25 50 75 100; do t $v; k Enter; done
t "全年服务居民5000人次以上"; k Enter; cap 06-header.txt
k F6; k Right Right; t "服务居民人次"; k Tab; t "全年为辖区居民提供服务的人次"; k Tab; t "≥5000人次"; cap 07-typing.txt
k Tab; k F4; cap 08-picker.txt
k Enter; k Down Left Left Left
fill(){ t "$1"; k Tab; t "$2"; k Tab; t "$3"; k Tab; t "$4"; k Enter Left Left Left; }
fill "服务质量达标率" "服务事项按标准办结的比率" "≥95%" "行业标准"
fill "年度任务完成时间" "全年服务任务完成的时限" "2024年12月31日前完成" "计划标准"
fill "人均活动经费" "每场活动的人均经费" "≤50元/人" "预算支出标准"
fill "带动就业人数" "通过服务项目带动居民就业" "≥20人" "历史标准"
fill "居民办事便利度" "居民办事少跑腿的程度" "有所提升" "其他标准"
fill "垃圾分类覆盖率" "社区垃圾分类覆盖的比率" "≥90使用率" "行业标准"
k F7; cap 09-findings.txt
k F6 F6 Down; cap 10-findings-focus.txt
k Enter; t "≥90%"; k Enter; k Home Right Right
fill "服务长效机制" "建立便民服务长效机制" "长期有效" "其他标准"
fill "居民满意度" "抽样调查居民对服务的满意程度" "≥90%" "计划标准"
k F7; k C-s; cap 11-saved.txt
k C-q; sleep 0.3
$T kill-server 2>/dev/null || true
