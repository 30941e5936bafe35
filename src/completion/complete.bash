# $1: index of the first word after `multi`/`git-multi` in words[]; uses words, cword and cur.
__git_multi_complete() {
	local i path="" word next candidates="" value="" skip="" count=0 prev="${words[cword-1]}"
	for ((i = $1; i < cword; i++)); do
		word="${words[i]}"
		if [ -n "$skip" ]; then skip=""; continue; fi
		case "$word" in
		--*=*) continue ;;
		-*) [ -n "$(__git_multi_value "$path" "$word")" ] && skip=1; continue ;;
		esac
		if [ -z "$path" ]; then next="$word"; else next="$path $word"; fi
		case " $(__git_multi_subs "$path") " in
		*" $word "*) [ "$count" -eq 0 ] && path="$next" || count=$((count + 1)) ;;
		*) count=$((count + 1)) ;;
		esac
	done
	case "$prev" in -*) value="$(__git_multi_value "$path" "$prev")" ;; esac
	if [ -z "$value" ]; then
		if [[ "$cur" == -* ]]; then
			candidates="$(__git_multi_opts "$path")"
		else
			[ "$count" -eq 0 ] && candidates="$(__git_multi_subs "$path")"
			value="$(__git_multi_positional "$path" "$count")"
			if [ -z "$value" ] && [ -z "$candidates" ]; then candidates="$(__git_multi_opts "$path")"; fi
		fi
	fi
	case "$value" in
	"") ;;
	any) COMPREPLY=(); return ;;
	kinds) candidates="@KINDS@" ;;
	values:*) candidates="${value#values:}" ;;
	*) candidates="$candidates $(__git_multi_dynamic "$value")" ;;
	esac
	if declare -F __gitcomp >/dev/null && [ -n "${__git_cmd_idx-}" ]; then
		__gitcomp "$candidates"
	else
		COMPREPLY=($(compgen -W "$candidates" -- "$cur"))
	fi
}

# Called by git's completion for `git multi …` with words, cword and cur already set.
_git_multi() {
	local i start=2
	for ((i = 1; i < cword; i++)); do
		if [ "${words[i]}" = multi ]; then start=$((i + 1)); break; fi
	done
	__git_multi_complete "$start"
}

_git_multi_standalone() {
	local words=("${COMP_WORDS[@]}") cword=$COMP_CWORD cur="${COMP_WORDS[COMP_CWORD]}"
	__git_multi_complete 1
}

complete -o bashdefault -o default -F _git_multi_standalone git-multi
